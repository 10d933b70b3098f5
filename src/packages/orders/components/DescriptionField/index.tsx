import { Text, Textarea } from '@tarojs/components'
import { DESCRIPTION_LIMIT, charCount } from '../../domain/complaintDraft'
import './index.scss'

interface Props {
  /** The page's BEM block, so its own selectors (`<block>__description`, `<block>__count`) keep working. */
  block: string
  value: string
  placeholder: string
  onInput: (value: string) => void
}

/**
 * A form's free-text description with a live count against the cloud's one limit for it (over the limit
 * turns red; the cloud refuses it).
 */
export function DescriptionField({ block, value, placeholder, onInput }: Props) {
  const limit = DESCRIPTION_LIMIT
  const count = charCount(value)
  return (
    <>
      <Textarea
        className={`description-field__input ${block}__description`}
        value={value}
        maxlength={1000}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
      <Text
        className={`description-field__count ${block}__count${count > limit ? ` description-field__count--over ${block}__count--over` : ''}`}
        data-count={count}
      >
        {count}/{limit}
      </Text>
    </>
  )
}
