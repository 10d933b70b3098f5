export default definePageConfig({ navigationBarTitleText: '余额与提现' })
