import { Text, View } from '@tarojs/components'
import type { Cart } from '@/api/types'
import { formatFen } from '@/domain/money'
import './index.scss'

interface Props {
  cart: Cart
  onObject?: (productId: string) => void
}

/** The live cart of an open gravity cabinet, priced by the cloud with the promotions of the open time. */
export function CartView({ cart, onObject }: Props) {
  if (cart.lines.length === 0) {
    return <View className='cart cart--empty'>拿起商品后会显示在这里</View>
  }
  return (
    <View className='cart' aria-live='polite'>
      {cart.lines.map((line) => (
        <View
          key={line.productId}
          className='cart__line'
          data-product-id={line.productId}
          data-qty={line.qty}
        >
          <View className='cart__main'>
            <Text className='cart__name'>{line.name}</Text>
            <Text className='cart__qty'>×{line.qty}</Text>
            <Text className='cart__total'>{formatFen(line.lineTotalFen)}</Text>
          </View>
          <View className='cart__sub'>
            <Text>
              {formatFen(line.paidUnitPriceFen)}
              {line.paidUnitPriceFen !== line.unitPriceFen ? (
                <Text className='cart__original'> {formatFen(line.unitPriceFen)}</Text>
              ) : null}
            </Text>
            {line.discounts.map((d) => (
              <Text key={d.promotionId} className='cart__discount'>
                {d.label}
              </Text>
            ))}
            {line.objected ? (
              <Text className='cart__objected'>已申报，结算前核实</Text>
            ) : onObject ? (
              <Text className='cart__object' onClick={() => onObject(line.productId)}>
                这不是我拿的
              </Text>
            ) : null}
          </View>
        </View>
      ))}
      {cart.promotions.map((p) => (
        <View key={p.promotionId} className='cart__order-discount'>
          <Text>{p.label}</Text>
          <Text>-{formatFen(p.amountFen)}</Text>
        </View>
      ))}
      <View className='cart__sum'>
        {cart.discountFen > 0 ? (
          <Text className='cart__saved'>已优惠 {formatFen(cart.discountFen)}</Text>
        ) : null}
        <Text className='cart__sum-total'>合计 {formatFen(cart.totalFen)}</Text>
      </View>
    </View>
  )
}
