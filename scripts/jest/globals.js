// The app code reads these at build time; jest runs it as the H5 build would.
process.env.TARO_ENV = 'h5'
process.env.CABINET_API_BASE = 'http://cloud.test'
process.env.CABINET_STREAM_URL = 'ws://cloud.test/v1/stream'
process.env.CABINET_QR_HOSTS = 'qr.kaimengui.cn,q.kaimengui.cn'

// Compile-time flags that Taro's runtime expects its bundler to define.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
})
