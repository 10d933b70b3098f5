export default defineAppConfig({
  pages: ['pages/index/index', 'pages/cabinet/index', 'pages/credit/index', 'pages/shopping/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '智能开门柜',
    navigationBarTextStyle: 'black',
  },
})
