export default defineAppConfig({
  pages: ['pages/index/index', 'pages/cabinet/index', 'pages/credit/index', 'pages/shopping/index'],
  subPackages: [
    {
      root: 'packages/orders',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/complaint/index',
        'pages/complaint-status/index',
        'pages/fault/index',
      ],
    },
  ],
  // After a receipt (or from home) the order pages are the next step: fetch them while the shopper reads.
  preloadRule: {
    'pages/shopping/index': { network: 'all', packages: ['packages/orders'] },
    'pages/index/index': { network: 'all', packages: ['packages/orders'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '智能开门柜',
    navigationBarTextStyle: 'black',
  },
})
