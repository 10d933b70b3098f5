export default definePageConfig({
  navigationBarTitleText: '远程设置',
})
