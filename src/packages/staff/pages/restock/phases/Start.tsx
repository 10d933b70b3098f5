import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DoorNo, RestockOrder, StaffDeviceDetail } from '@/api/types'
import type { AppError } from '@/domain/errors'
import { Tabs } from '@/components/Tabs'
import { formatDateTime } from '@/domain/time'
import { Section } from '../../../components/Section'

const DOOR_NAME: Record<DoorNo, string> = { 1: '左门', 2: '右门' }
const DOOR_OPTIONS = ([1, 2] as const).map((no) => ({ value: no, label: DOOR_NAME[no] }))

interface Props {
  code: string
  detail: StaffDeviceDetail | null
  /** Why the last open did not go through. */
  error: AppError | null
  /** The open 补货单 of this cabinet. */
  orders: RestockOrder[]
  ordersLoading: boolean
  /** The 补货单 the restocker came for (from a link): shown picked. */
  pickedOrderId: string | null
  /** The door a free restock opens (dual-door cabinets). */
  doorNo: DoorNo
  onPickDoor: (doorNo: DoorNo) => void
  /** 开门补货 (no order) or 按此补货单开门. */
  onOpen: (order: RestockOrder | null) => void
}

/** Before the door opens: a free restock, or one by a 补货单. */
export function RestockStart(props: Props) {
  const { code, detail, error, orders, doorNo } = props
  const dualDoor = detail !== null && detail.doorCount > 1
  return (
    <View className='staff-page restock'>
      <View className='staff-card restock__device'>
        <Text className='restock__device-name'>{detail?.name ?? code}</Text>
        <Text className='staff-muted'>
          {code}
          {detail ? ` · ${detail.place}` : ''}
        </Text>
      </View>
      {error ? (
        <View className='restock__error' role='alert' data-error-code={error.code}>
          <Text className='restock__error-title'>{error.message}</Text>
          <Text className='staff-muted'>{error.hint}</Text>
        </View>
      ) : null}
      <Section title='自由补货'>
        <View className='staff-card'>
          <Text className='staff-muted'>开门后按实际放入或取出商品，重力柜自动计数，关门后核对确认。</Text>
          {dualDoor ? (
            <Tabs
              className='restock__doors'
              name='door'
              options={DOOR_OPTIONS}
              value={doorNo}
              onChange={props.onPickDoor}
            />
          ) : null}
          <Button className='restock__open' type='primary' block onClick={() => props.onOpen(null)}>
            开门补货
          </Button>
        </View>
      </Section>
      <Section title={`补货单（${orders.length}）`}>
        {orders.length === 0 ? (
          <View className='staff-card staff-muted'>
            {props.ordersLoading ? '正在读取补货单…' : '暂无待执行的补货单'}
          </View>
        ) : (
          orders.map((order) => (
            <View
              key={order.id}
              className={`staff-card restock__order${order.id === props.pickedOrderId ? ' restock__order--picked' : ''}`}
              data-restock-order-id={order.id}
            >
              <Text className='restock__order-title'>
                补货单 {order.id} · {formatDateTime(order.createdAt)}
              </Text>
              {order.lines.map((l) => (
                <View key={`${l.doorNo}-${l.productId}`} className='restock__order-line'>
                  <Text>
                    {dualDoor ? `${DOOR_NAME[l.doorNo]} · ` : ''}
                    {l.name}
                  </Text>
                  <Text>
                    计划 {l.plannedQty}
                    {l.actualQty !== undefined ? ` · 已补 ${l.actualQty}` : ''}
                  </Text>
                </View>
              ))}
              <Button className='restock__open' block onClick={() => props.onOpen(order)}>
                按此补货单开门
              </Button>
            </View>
          ))
        )}
      </Section>
    </View>
  )
}
