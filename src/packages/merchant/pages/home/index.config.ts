export default definePageConfig({ navigationBarTitleText: '商户中心' })
