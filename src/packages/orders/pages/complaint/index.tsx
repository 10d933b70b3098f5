import Taro, { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { Stepper } from '@/components/Stepper'
import { Tabs } from '@/components/Tabs'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import { useSubscribePrompt } from '@/hooks/useSubscribePrompt'
import { platform } from '@/platform'
import { FieldError } from '../../components/FieldError'
import { FormSection } from '../../components/FormSection'
import { PhotoGrid } from '../../components/PhotoGrid'
import { ServiceBar } from '../../components/ServiceBar'
import {
  MAX_PHOTOS,
  complaintAvailability,
  formBanner,
  lineField,
  steppedCount,
  typedCount,
} from '../../domain/complaintDraft'
import { COMPLAINT_KINDS } from '../../domain/labels'
import { usePageParam } from '../../pageQuery'
import { orderPages } from '../../routes'
import { useOrdersStore } from '../../store'
import { DescriptionField } from '../../components/DescriptionField'
import './index.scss'

const KIND_OPTIONS = COMPLAINT_KINDS.map(({ kind, label }) => ({ value: kind, label }))

export default function ComplaintPage() {
  const orderId = usePageParam('orderId')
  const form = useOrdersStore((s) => s.complaintForm)
  const entry = useOrdersStore((s) => s.receipts[orderId])
  const cloudNow = useOrdersStore((s) => s.cloudNow)
  const goods = useOrdersStore((s) => {
    const code = s.receipts[orderId]?.value?.device.code
    return code ? s.cabinetGoods[code] : undefined
  })
  const actions = useOrdersStore(
    useShallow((s) => ({
      open: s.openComplaintForm,
      toggleLine: s.toggleLine,
      setLineKind: s.setLineKind,
      setActualQty: s.setActualQty,
      setActualProduct: s.setActualProduct,
      setDescription: s.setDescription,
      addPhotos: s.addPhotos,
      retryPhoto: s.retryPhoto,
      removePhoto: s.removePhoto,
      submit: s.submitComplaint,
    })),
  )

  useLoad(() => void actions.open(orderId))
  const askToSubscribe = useSubscribePrompt('afterComplaint')

  const receipt = entry?.value ?? null
  const draft = form.orderId === orderId ? form.drafts[orderId] : undefined
  if (!receipt || !draft) {
    return (
      <PageShell>
        {entry?.status === 'error' && entry.error ? (
          <StatusView kind='error' error={entry.error} onAction={() => void Taro.navigateBack()} />
        ) : (
          <StatusView kind='loading' text='正在加载订单…' />
        )}
      </PageShell>
    )
  }

  const submit = async () => {
    // Its result is asked for in the submit tap itself (the platforms' rule); the submission does not wait.
    askToSubscribe()
    const complaint = await actions.submit()
    if (complaint) await Taro.redirectTo({ url: orderPages.complaintStatus(complaint.id, orderId) })
  }
  const availability = complaintAvailability(receipt, cloudNow())
  const { fields } = form

  return (
    <PageShell>
      <View className='complaint-form'>
        <FormSection
          title='哪些商品有问题？'
          hint='可多选，每件商品选一种问题'
          field='items'
          error={fields.items}
        >
          {receipt.lines.map((line) => {
            const chosen = draft.lines.find((l) => l.productId === line.productId)
            return (
              <View key={line.productId} className='complaint-form__line' data-line={line.productId}>
                <View
                  className={`complaint-form__pick${chosen ? ' complaint-form__pick--on' : ''}`}
                  role='checkbox'
                  aria-checked={Boolean(chosen)}
                  onClick={() => actions.toggleLine(line.productId)}
                >
                  <Text className='complaint-form__box'>{chosen ? '✓' : ''}</Text>
                  <Text className='complaint-form__name'>
                    {line.name} ×{line.qty}
                  </Text>
                  <Text className='complaint-form__price'>{formatFen(line.lineTotalFen)}</Text>
                </View>
                {chosen ? (
                  <View className='complaint-form__detail'>
                    <Tabs
                      look='chips'
                      name={`kind-${line.productId}`}
                      options={KIND_OPTIONS}
                      value={chosen.kind}
                      onChange={(kind) => actions.setLineKind(line.productId, kind)}
                    />
                    <FieldError
                      field={lineField(line.productId, 'kind')}
                      message={fields[lineField(line.productId, 'kind')]}
                    />
                    {chosen.kind === 'wrong_quantity' ? (
                      <View className='complaint-form__extra'>
                        <Text>实际拿了几件（扣款 {line.qty} 件）</Text>
                        <View className='complaint-form__qty'>
                          <Stepper
                            label={`${line.name} 实际数量`}
                            value={typedCount(chosen.actualQty)}
                            min={0}
                            max={line.qty - 1}
                            onStep={(step) => {
                              const next = steppedCount(chosen.actualQty, step, line.qty - 1)
                              if (next !== null) actions.setActualQty(line.productId, String(next))
                            }}
                            onType={(text) => actions.setActualQty(line.productId, text)}
                          />
                        </View>
                      </View>
                    ) : null}
                    <FieldError
                      field={lineField(line.productId, 'actualQty')}
                      message={fields[lineField(line.productId, 'actualQty')]}
                    />
                    {chosen.kind === 'misrecognized' ? (
                      <View className='complaint-form__extra complaint-form__extra--column'>
                        <Text>实际拿的是哪件商品？</Text>
                        <Tabs
                          look='chips'
                          name={`actual-${line.productId}`}
                          options={(goods ?? [])
                            .filter((g) => g.productId !== line.productId)
                            .map((g) => ({ value: g.productId, label: g.name }))}
                          value={chosen.actualProductId}
                          onChange={(id) => actions.setActualProduct(line.productId, id)}
                        />
                      </View>
                    ) : null}
                    <FieldError
                      field={lineField(line.productId, 'actualProductId')}
                      message={fields[lineField(line.productId, 'actualProductId')]}
                    />
                  </View>
                ) : null}
              </View>
            )
          })}
        </FormSection>

        <FormSection title='问题描述（选填）' field='description' error={fields.description}>
          <DescriptionField
            block='complaint-form'
            value={draft.description}
            placeholder='请描述您遇到的问题，例如实际拿了几件、拿的是什么'
            onInput={actions.setDescription}
          />
        </FormSection>

        <FormSection
          title='照片（选填）'
          hint={`最多${MAX_PHOTOS}张，每张不超过5MB，支持 JPG、PNG`}
          field='photos'
          error={fields.photos}
        >
          <PhotoGrid
            photos={draft.photos}
            max={MAX_PHOTOS}
            onAdd={() => void actions.addPhotos()}
            onRemove={actions.removePhoto}
            onRetry={(id) => void actions.retryPhoto(id)}
          />
        </FormSection>

        {availability.state === 'open' ? (
          <Text className='complaint-form__window'>
            本单申诉期限至 {formatDateTime(availability.endsAt)}，逾期请联系客服；每笔订单可申诉一次
          </Text>
        ) : null}
        <FieldError field='form' message={fields.form} />
        <Notice error={formBanner(form.error, fields)} />
        <Button
          className='complaint-form__submit'
          type='primary'
          block
          disabled={form.submitting}
          onClick={() => void submit()}
        >
          {form.submitting ? '提交中…' : form.error?.next === 'retry' ? '重新提交' : '提交申诉'}
        </Button>
        <ServiceBar
          phone={receipt.servicePhone}
          onCall={() => platform.makePhoneCall(receipt.servicePhone)}
        />
      </View>
    </PageShell>
  )
}
