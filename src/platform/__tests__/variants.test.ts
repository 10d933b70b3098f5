import * as fallback from '../index'
import * as alipay from '../index.alipay'
import * as h5 from '../index.h5'
import * as weapp from '../index.weapp'

// The builds swap whole files, so every variant must export the same runtime names and platform members.
test('every platform file exports the same names and implements every member', () => {
  const variants = { fallback, weapp, alipay, h5 }
  const exported = Object.values(variants).map((mod) => Object.keys(mod).sort())
  expect(new Set(exported.map((names) => names.join()))).toEqual(new Set(['platform']))
  const members = Object.values(variants).map((mod) => Object.keys(mod.platform).sort().join())
  expect(new Set(members).size).toBe(1)
  expect([weapp.platform.name, alipay.platform.name, h5.platform.name]).toEqual(['weapp', 'alipay', 'h5'])
})

test('the browser tells network changes from window online/offline events', () => {
  const seen: boolean[] = []
  const stop = h5.platform.onNetworkChange((online) => seen.push(online))
  window.dispatchEvent(new Event('offline'))
  window.dispatchEvent(new Event('online'))
  stop()
  window.dispatchEvent(new Event('offline'))
  expect(seen).toEqual([false, true])
})
