import { useEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { AppError } from '@/domain/errors'
import { formatFen } from '@/domain/money'
import { AmountField } from '../../components/AmountField'
import { LoadGate } from '../../components/LoadGate'
import { QrCode } from '../../components/QrCode'
import { paintSticker, StickerCanvas } from '../../components/StickerCanvas'
import { printableQr } from '../../domain/qrSticker'
import { useMerchantStore } from '../../store'
import '../../styles/common.scss'
import './index.scss'

const EXPORT_CANVAS_ID = 'merchant-qr-export'

export default function QrCodesPage() {
  const devices = useMerchantStore((s) => s.devices)
  const loadDevices = useMerchantStore((s) => s.loadDevices)
  const saveQrToAlbum = useMerchantStore((s) => s.saveQrToAlbum)
  const setDeposit = useMerchantStore((s) => s.setDeposit)
  const [depositText, setDepositText] = useState('')
  const [depositError, setDepositError] = useState<AppError | null>(null)
  const [selectedCode, setSelectedCode] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<AppError | null>(null)
  // A ref, not state: a re-render between drawing and exporting could reset the browser's canvas.
  const saving = useRef(false)

  useEffect(() => void loadDevices(), [loadDevices])

  const list = devices.data ?? []
  const device = list.find((d) => d.code === selectedCode) ?? list[0] ?? null
  const qr = useMemo(() => (device ? printableQr(device) : null), [device])

  const save = async () => {
    if (!device || !qr?.ok || saving.current) return
    saving.current = true
    const caption = { title: device.name, subtitle: `${device.place} · ${device.code}` }
    // Drawn and handed over before any re-render of this page, so nothing resets the canvas in between.
    const node = await paintSticker(EXPORT_CANVAS_ID, qr.modules, caption)
    const error = node ? await saveQrToAlbum(node, device) : new AppError('PLATFORM_FAILED')
    saving.current = false
    setSaveError(error)
    if (!error) void Taro.showToast({ title: '已保存，可打印张贴', icon: 'none' })
  }

  const saveDeposit = async () => {
    if (!device) return
    const error = await setDeposit(device.code, depositText)
    setDepositError(error)
    if (!error) {
      setDepositText('')
      void Taro.showToast({ title: '押金已保存', icon: 'none' })
    }
  }

  return (
    <PageShell>
      <LoadGate load={devices} onRetry={() => void loadDevices()}>
        <View className='m-page qrcodes'>
          {device ? (
            <View className='m-card qrcodes__sticker' data-device-code={device.code}>
              <Text className='qrcodes__name'>{device.name}</Text>
              <Text className='m-muted'>
                {device.place} · {device.code}
              </Text>
              {qr?.ok ? (
                <View className='qrcodes__code' data-qr-url={device.qrUrl}>
                  <QrCode modules={qr.modules} modulePx={6} />
                </View>
              ) : (
                <Notice error={qr && !qr.ok ? qr.error : null} />
              )}
              <Text className='m-muted qrcodes__url'>{device.qrUrl}</Text>
              <Notice error={saveError} />
              <Button type='primary' block disabled={!qr?.ok} onClick={() => void save()}>
                保存到相册
              </Button>
              <View className='qrcodes__deposit' data-deposit-fen={device.depositFen}>
                <Text className='m-card__title'>押金开门 / 预授权</Text>
                <Text className='m-muted'>
                  {device.depositFen > 0
                    ? `信用未通过的顾客先付 ${formatFen(device.depositFen)} 再开门，结算后余额退回`
                    : '未开通：信用未通过的顾客在此无法购物'}
                </Text>
                <AmountField
                  className='qrcodes__deposit-input'
                  size='inline'
                  value={depositText}
                  placeholder='押金金额（元），填 0 关闭'
                  onInput={setDepositText}
                />
                <Notice error={depositError} />
                <Button block onClick={() => void saveDeposit()}>
                  保存押金
                </Button>
              </View>
            </View>
          ) : (
            <Text className='m-empty'>还没有柜子</Text>
          )}
          <View className='m-card'>
            <Text className='m-card__title'>全部柜子</Text>
            {list.map((d) => (
              <View
                key={d.code}
                className={`qrcodes__device${d.code === device?.code ? ' qrcodes__device--active' : ''}`}
                data-device-code={d.code}
                onClick={() => {
                  setSaveError(null)
                  setDepositError(null)
                  setSelectedCode(d.code)
                }}
              >
                <Text>{d.name}</Text>
                <Text className='m-muted'>
                  {d.place} · {d.code}
                </Text>
              </View>
            ))}
          </View>
          <StickerCanvas id={EXPORT_CANVAS_ID} />
        </View>
      </LoadGate>
    </PageShell>
  )
}
