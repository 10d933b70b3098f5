export default definePageConfig({
  navigationBarTitleText: '告警记录',
  enablePullDownRefresh: true,
})
