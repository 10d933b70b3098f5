import Taro, { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Tabs } from '@/components/Tabs'
import { platform } from '@/platform'
import { FormSection } from '../../components/FormSection'
import { ServiceBar } from '../../components/ServiceBar'
import { FAULT_KINDS } from '../../domain/labels'
import { usePageParam } from '../../pageQuery'
import { useOrdersStore } from '../../store'
import { DescriptionField } from '../../components/DescriptionField'
import './index.scss'

const KIND_OPTIONS = FAULT_KINDS.map(({ kind, label }) => ({ value: kind, label }))

export default function FaultReportPage() {
  const deviceCode = usePageParam('deviceCode')
  const sessionId = usePageParam('sessionId')
  const orderId = usePageParam('orderId')
  const fault = useOrdersStore((s) => s.fault)
  const phone = useOrdersStore((s) => (orderId ? s.receipts[orderId]?.value?.servicePhone : undefined))
  const actions = useOrdersStore(
    useShallow((s) => ({
      start: s.startFaultReport,
      setKind: s.setFaultKind,
      setDescription: s.setFaultDescription,
      submit: s.submitFaultReport,
      loadReceipt: s.loadReceipt,
    })),
  )

  useLoad(() => {
    actions.start(deviceCode, sessionId || undefined)
    if (orderId && !useOrdersStore.getState().receipts[orderId]?.value) void actions.loadReceipt(orderId)
  })

  const service = phone ? <ServiceBar phone={phone} onCall={() => platform.makePhoneCall(phone)} /> : null

  if (fault.reportId) {
    return (
      <PageShell>
        <View className='fault-report'>
          <View className='fault-report__done' role='status'>
            <Text className='fault-report__done-title'>已提交，商户会尽快处理</Text>
            <Text className='fault-report__done-note'>
              报修编号 {fault.reportId}；情况紧急请直接拨打客服电话
            </Text>
          </View>
          {service}
          <Button block onClick={() => void Taro.navigateBack()}>
            返回
          </Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell>
      <View className='fault-report'>
        <FormSection title='遇到了什么问题？' field='kind' error={fault.fields.kind}>
          <Tabs
            look='chips'
            name='fault-kind'
            options={KIND_OPTIONS}
            value={fault.kind}
            onChange={actions.setKind}
          />
        </FormSection>
        <FormSection title='补充说明（选填）' field='description' error={fault.fields.description}>
          <DescriptionField
            block='fault-report'
            value={fault.description}
            placeholder='例如：扫码后门没有打开'
            onInput={actions.setDescription}
          />
        </FormSection>
        <Notice error={fault.error} />
        <Button type='primary' block disabled={fault.submitting} onClick={() => void actions.submit()}>
          {fault.submitting ? '提交中…' : fault.error?.next === 'retry' ? '重新提交' : '提交报修'}
        </Button>
        {service}
      </View>
    </PageShell>
  )
}
