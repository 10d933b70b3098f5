import Taro from '@tarojs/taro'

test('the H5 Taro runtime is what jest runs against', () => {
  expect(typeof Taro.request).toBe('function')
})
