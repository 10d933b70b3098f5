export default definePageConfig({ navigationBarTitleText: '客诉处理' })
