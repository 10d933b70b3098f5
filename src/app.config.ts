export default defineAppConfig({
  pages: ['pages/index/index', 'pages/cabinet/index', 'pages/credit/index', 'pages/shopping/index'],
  subPackages: [
    {
      root: 'packages/staff',
      pages: [
        'pages/home/index',
        'pages/device/index',
        'pages/restock/index',
        'pages/stocktake/index',
        'pages/alarms/index',
        'pages/abnormal/index',
        'pages/abnormal-case/index',
        'pages/settings/index',
        'pages/bind/index',
      ],
    },
  ],
  // Staff open their workspace from 我的; shoppers landing from a QR never load it.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/staff'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '智能开门柜',
    navigationBarTextStyle: 'black',
  },
})
