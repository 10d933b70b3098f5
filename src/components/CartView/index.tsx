import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Cart } from '@/api/types'
import { keepPutBack, type ShownLine } from '@/domain/liveCart'
import { formatFen } from '@/domain/money'
import './index.scss'

interface Props {
  /** One door session's cart: give the view a key per session, as it remembers what was put back. */
  cart: Cart
  onObject?: (productId: string) => void
}

/**
 * The live cart of an open gravity cabinet, priced by the cloud with the promotions of the open time.
 *
 * Shaped for the mini-program's setData, which sends a changed text as one small path but a whole
 * children array when a node is inserted before a sibling or removed: the lines live in a container of
 * their own and only grow at the end (a product put back stays, marked 已放回: domain/liveCart), so a new
 * product is one appended line; the parts that come and go with prices (list price, discounts, 已优惠)
 * stay in the tree and are hidden by a class, so a price change sends only the texts that changed.
 */
export function CartView({ cart, onObject }: Props) {
  // What was listed before is this render's input (React's "state from the previous render" pattern).
  const [seen, setSeen] = useState(cart.lines)
  const [shown, setShown] = useState(() => keepPutBack([], cart.lines))
  if (cart.lines !== seen) {
    setSeen(cart.lines)
    setShown(keepPutBack(shown, cart.lines))
  }

  if (shown.length === 0) {
    return <View className='cart cart--empty'>拿起商品后会显示在这里</View>
  }
  return (
    <View className='cart' aria-live='polite'>
      <View className='cart__lines'>
        {shown.map((s) => (
          <CartLineRow key={s.line.productId} shown={s} onObject={onObject} />
        ))}
      </View>
      <View className='cart__promotions'>
        {cart.promotions.map((p) => (
          <View key={p.promotionId} className='cart__order-discount'>
            <Text>{p.label}</Text>
            <Text>{`-${formatFen(p.amountFen)}`}</Text>
          </View>
        ))}
      </View>
      <View className='cart__sum'>
        <Text
          className={shownIf(cart.discountFen > 0, 'cart__saved')}
        >{`已优惠 ${formatFen(cart.discountFen)}`}</Text>
        <Text className='cart__sum-total'>{`合计 ${formatFen(cart.totalFen)}`}</Text>
      </View>
    </View>
  )
}

function CartLineRow({ shown, onObject }: { shown: ShownLine; onObject?: (productId: string) => void }) {
  const { line, putBack } = shown
  const discounted = line.paidUnitPriceFen !== line.unitPriceFen
  return (
    <View
      className={putBack ? 'cart__line cart__line--put-back' : 'cart__line'}
      data-product-id={line.productId}
      data-qty={putBack ? 0 : line.qty}
    >
      <View className='cart__main'>
        <Text className='cart__name'>{line.name}</Text>
        <Text className='cart__qty'>{putBack ? '已放回' : `×${line.qty}`}</Text>
        <Text className='cart__total'>{formatFen(putBack ? 0 : line.lineTotalFen)}</Text>
      </View>
      <View className='cart__sub'>
        <Text className='cart__price'>{formatFen(line.paidUnitPriceFen)}</Text>
        <Text className={shownIf(discounted, 'cart__original')}>{formatFen(line.unitPriceFen)}</Text>
        <Text className={shownIf(line.discounts.length > 0, 'cart__discount')}>
          {line.discounts.map((d) => d.label).join('，')}
        </Text>
        {line.objected ? (
          <Text className='cart__objected'>已申报，结算前核实</Text>
        ) : onObject ? (
          <Text className='cart__object' onClick={() => onObject(line.productId)}>
            这不是我拿的
          </Text>
        ) : null}
      </View>
    </View>
  )
}

/** The class of a part that is kept in the tree while it has nothing to say, hidden. */
function shownIf(shown: boolean, className: string): string {
  return shown ? className : `${className} cart__none`
}
