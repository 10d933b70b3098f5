export default definePageConfig({
  navigationBarTitleText: '处理异常订单',
})
