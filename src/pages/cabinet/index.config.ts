export default definePageConfig({
  navigationBarTitleText: '智能开门柜',
  enablePullDownRefresh: true,
})
