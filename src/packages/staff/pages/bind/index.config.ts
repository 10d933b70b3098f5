export default definePageConfig({
  navigationBarTitleText: '绑定补货员',
})
