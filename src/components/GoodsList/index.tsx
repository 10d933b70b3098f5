import { Image, Text, View } from '@tarojs/components'
import type { Goods, Promotion } from '@/api/types'
import { formatFen } from '@/domain/money'
import './index.scss'

const STOCK_LABEL: Record<Goods['stockState'], string> = {
  in_stock: '有货',
  low: '库存紧张',
  sold_out: '已售罄',
}

interface Props {
  goods: Goods[]
  promotions: Promotion[]
}

/** The sellable goods of one door with the cloud's prices; the app formats them and computes nothing. */
export function GoodsList({ goods, promotions }: Props) {
  // Whole-order promotions (满减) are shown once above the list, not on every product.
  const labelOf = new Map(promotions.filter((p) => p.kind !== 'full_reduction').map((p) => [p.id, p.label]))
  if (goods.length === 0) return <View className='goods-list__empty'>这个柜门暂无商品</View>
  return (
    <View className='goods-list'>
      {goods.map((item) => (
        <View
          key={item.productId}
          className={`goods-list__item${item.stockState === 'sold_out' ? ' goods-list__item--sold-out' : ''}`}
          data-product-id={item.productId}
        >
          {item.imageUrl ? (
            <Image
              className='goods-list__image'
              src={item.imageUrl}
              mode='aspectFill'
              lazyLoad
              ariaLabel={item.name}
              nativeProps={{ alt: item.name }}
            />
          ) : null}
          <View className='goods-list__body'>
            <Text className='goods-list__name'>{item.name}</Text>
            <View className='goods-list__tags'>
              {item.promotionIds.map((id) =>
                labelOf.has(id) ? (
                  <Text key={id} className='goods-list__tag'>
                    {labelOf.get(id)}
                  </Text>
                ) : null,
              )}
            </View>
            <View className='goods-list__price-row'>
              <Text className='goods-list__price'>{formatFen(item.promoPriceFen ?? item.priceFen)}</Text>
              {item.promoPriceFen !== null && item.promoPriceFen !== item.priceFen ? (
                <Text className='goods-list__original'>{formatFen(item.priceFen)}</Text>
              ) : null}
              <Text className={`goods-list__stock goods-list__stock--${item.stockState}`}>
                {STOCK_LABEL[item.stockState]}
              </Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
