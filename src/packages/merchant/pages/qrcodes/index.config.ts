export default definePageConfig({ navigationBarTitleText: '柜子二维码' })
