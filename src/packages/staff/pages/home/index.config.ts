export default definePageConfig({
  navigationBarTitleText: '补货运维工作台',
  enablePullDownRefresh: true,
})
