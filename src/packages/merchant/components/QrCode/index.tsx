import { memo } from 'react'
import { View } from '@tarojs/components'
import { QUIET_MODULES, type QrModules } from '../../domain/qrSticker'
import './index.scss'

interface Run {
  dark: boolean
  length: number
}

function runsOf(row: readonly boolean[]): Run[] {
  const runs: Run[] = []
  for (const dark of row) {
    const last = runs[runs.length - 1]
    if (last && last.dark === dark) last.length += 1
    else runs.push({ dark, length: 1 })
  }
  return runs
}

/**
 * The QR drawn with Views, one per run of same-coloured modules (about 350 nodes for a cabinet URL): it
 * renders alike in WeChat, Alipay and the browser, with no canvas to set up. Sizes are whole px so module
 * edges stay sharp; inline px are not rescaled by the build.
 */
export const QrCode = memo(function QrCode({ modules, modulePx }: { modules: QrModules; modulePx: number }) {
  const quiet = QUIET_MODULES * modulePx
  return (
    <View className='qr-code' style={{ padding: `${quiet}px` }} role='img' aria-label='柜子二维码'>
      {modules.map((row, y) => (
        <View key={y} className='qr-code__row' style={{ height: `${modulePx}px` }}>
          {runsOf(row).map((run, x) => (
            <View
              key={x}
              className={run.dark ? 'qr-code__dark' : 'qr-code__light'}
              style={{ width: `${run.length * modulePx}px` }}
            />
          ))}
        </View>
      ))}
    </View>
  )
})
