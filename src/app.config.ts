export default defineAppConfig({
  pages: ['pages/index/index', 'pages/cabinet/index', 'pages/credit/index', 'pages/shopping/index'],
  subPackages: [
    {
      root: 'packages/merchant',
      pages: [
        'pages/home/index',
        'pages/receipts/index',
        'pages/orders/index',
        'pages/wallet/index',
        'pages/withdraw/index',
        'pages/statistics/index',
        'pages/complaints/index',
        'pages/complaint/index',
        'pages/qrcodes/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '智能开门柜',
    navigationBarTextStyle: 'black',
  },
})
