export default definePageConfig({ navigationBarTitleText: '处理客诉' })
