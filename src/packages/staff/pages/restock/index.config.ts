export default definePageConfig({
  navigationBarTitleText: '补货',
})
