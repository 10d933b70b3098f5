export default definePageConfig({ navigationBarTitleText: '开通免密支付' })
