import { colors } from './theme/tokens'

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
        'pages/blacklist/index',
      ],
    },
    {
      // The message centre: reached from the home pages and from nothing else, so it weighs on none of them.
      root: 'packages/messages',
      pages: ['pages/list/index'],
    },
  ],
  // After a receipt (or from home) the order pages are the next step: fetch them while the shopper reads.
  // The staff and merchant workspaces are not preloaded: most people who open the app are shoppers.
  preloadRule: {
    'pages/shopping/index': { network: 'all', packages: ['packages/orders'] },
    'pages/index/index': { network: 'all', packages: ['packages/orders'] },
  },
  // Written in WeChat's keys, as Taro expects. On Alipay, Taro renames the title, bar colour and pull-down
  // refresh to Alipay's keys, and config/plugins/platform-configs.ts drops what Alipay does not have.
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: colors.surface,
    navigationBarTitleText: '智能开门柜',
    navigationBarTextStyle: 'black',
  },
  // WeChat only. Components are injected when a page uses them (its quality check asks for it); the
  // privacy guide is enforced for the phone number, the photo picker and saving to the album; the search
  // crawler's rules are in src/sitemap.json (copied into the WeChat build by config/index.ts).
  lazyCodeLoading: 'requiredComponents',
  __usePrivacyCheck__: true,
  // The map picker (staff correct a cabinet's 点位) must be declared here since 2022-07-14, besides the
  // privacy guide's entry; it needs no scope.userLocation (nor a `permission` text) since 2022-06-13.
  requiredPrivateInfos: ['chooseLocation'],
  sitemapLocation: 'sitemap.json',
})
