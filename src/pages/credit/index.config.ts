export default definePageConfig({ navigationBarTitleText: '选择开门方式' })
