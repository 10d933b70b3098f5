/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'alipay' | 'h5'
    CABINET_API_BASE: string
    CABINET_STREAM_URL: string
    CABINET_QR_HOSTS: string
  }
}
