import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { platform } from '@/platform'
import { nearEnd, rowsBySlot, rowWindow, type RowWindow } from '../../domain/virtualWindow'
import './index.scss'

interface Props {
  /** Element id of the list, to find where it starts on the page. */
  id: string
  count: number
  /** The class every row carries (all rows are styled to one height); a rendered one is measured. */
  rowClassName: string
  /** The rows' styled height in design px (750 wide), used until a row has been measured. */
  rowHeightRpx: number
  /**
   * The row at `index`, without a key: rows are recycled, so the nodes that showed one order show the
   * next one that comes into view with new texts (a key would make React replace them).
   */
  renderRow: (index: number) => ReactNode
  /** Asked when the rendered rows come near the last one (the next page by cursor). */
  onNearEnd?: () => void
  /** Rows kept beyond each edge of the screen. */
  overscan?: number
}

const NEAR_END_ROWS = 15

/**
 * A list of thousands of equal-height rows that keeps only those around the screen in the page, each in a
 * fixed slot placed at its row's offset (see domain/virtualWindow for why slots). It follows the page's own scroll (usePageScroll), which WeChat, Alipay and H5 all give,
 * so pull-to-refresh and reach-bottom stay the page's too.
 */
export function VirtualList({
  id,
  count,
  rowClassName,
  rowHeightRpx,
  renderRow,
  onNearEnd,
  overscan = 6,
}: Props) {
  const screen = useRef(platform.windowSize())
  const scrollTop = useRef(0)
  const listTop = useRef(0)
  const [rowHeight, setRowHeight] = useState(() => (rowHeightRpx * screen.current.width) / 750)
  const compute = useCallback(
    (): RowWindow =>
      rowWindow({
        scrollTop: scrollTop.current,
        viewportHeight: screen.current.height,
        listTop: listTop.current,
        rowHeight,
        count,
        overscan,
      }),
    [rowHeight, count, overscan],
  )
  const [win, setWin] = useState<RowWindow>(compute)

  // Only a change of the rendered range re-renders; most scroll events move within it.
  const update = useCallback(() => {
    const next = compute()
    setWin((prev) => (prev.start === next.start && prev.end === next.end ? prev : next))
  }, [compute])

  useEffect(update, [update])

  usePageScroll(({ scrollTop: top }) => {
    scrollTop.current = top
    update()
  })

  // Where the list starts and how tall a row really is, once rows are on screen.
  const hasRows = count > 0
  useEffect(() => {
    if (!hasRows) return
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .boundingClientRect()
      .select(`.${rowClassName}`)
      .boundingClientRect()
      .exec((res: ({ top?: number; height?: number } | null)[]) => {
        const [list, row] = res
        if (typeof list?.top === 'number') listTop.current = list.top + scrollTop.current
        if (row?.height && Math.abs(row.height - rowHeight) > 0.5) setRowHeight(row.height)
        else update()
      })
  }, [hasRows, id, rowClassName, rowHeight, update])

  useEffect(() => {
    if (onNearEnd && count > 0 && nearEnd(win, count, NEAR_END_ROWS)) onNearEnd()
  }, [win, count, onNearEnd])

  const rows = rowsBySlot(win)
  return (
    <View
      id={id}
      className='virtual-list'
      style={{ height: `${count * rowHeight}px` }}
      data-count={count}
      data-rendered={rows.length}
    >
      {rows.map((row, slot) => (
        <View
          key={slot}
          className='virtual-list__slot'
          data-row={row}
          style={{ top: `${row * rowHeight}px` }}
        >
          {renderRow(row)}
        </View>
      ))}
    </View>
  )
}
