// wx.openBusinessView (WeChat Pay Score) is missing from miniprogram-api-typings 4.1.
declare namespace WechatMiniprogram {
  interface OpenBusinessViewOption {
    businessType: string
    extraData: Record<string, string>
    envVersion?: 'release' | 'trial' | 'develop'
    success?: (res: { extraData?: Record<string, unknown>; errMsg: string }) => void
    fail?: (err: GeneralCallbackResult) => void
    complete?: (res: unknown) => void
  }
  interface Wx {
    openBusinessView(option: OpenBusinessViewOption): void
  }
}
