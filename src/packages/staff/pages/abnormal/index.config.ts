export default definePageConfig({
  navigationBarTitleText: '异常订单',
  enablePullDownRefresh: true,
})
