import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import type { CanvasNode } from '@/platform/types'
import {
  drawQrSticker,
  stickerHeight,
  type QrModules,
  type StickerCaption,
  type StickerContext,
} from '../../domain/qrSticker'
import './index.scss'

/** Pixel width of the saved sticker: sharp enough to print at 6–8 cm. */
const EXPORT_WIDTH = 720

type DrawableNode = CanvasNode & { width: number; height: number; getContext: (type: '2d') => StickerContext }

/**
 * An off-screen Canvas 2D the sticker is drawn on when the merchant saves it. Drawing at that moment, not
 * at mount, means no platform can have reset the canvas in between (the browser's Canvas resizes itself
 * whenever it re-renders).
 */
export function StickerCanvas({ id }: { id: string }) {
  return <Canvas type='2d' id={id} className='sticker-canvas' />
}

/** Draws the sticker on the StickerCanvas `id`; the node is handed to the platform's album save. */
export function paintSticker(
  id: string,
  modules: QrModules,
  caption: StickerCaption,
): Promise<CanvasNode | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: DrawableNode }[] | undefined) => {
        const node = res?.[0]?.node
        if (!node || typeof node.getContext !== 'function') {
          resolve(null)
          return
        }
        node.width = EXPORT_WIDTH
        node.height = stickerHeight(EXPORT_WIDTH, caption)
        drawQrSticker(node.getContext('2d'), modules, EXPORT_WIDTH, caption)
        resolve(node)
      })
  })
}
