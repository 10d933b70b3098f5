import { Image, Text, View } from '@tarojs/components'
import type { PhotoDraft } from '../../domain/complaintDraft'
import './index.scss'

interface Props {
  photos: PhotoDraft[]
  max: number
  onAdd: () => void
  onRemove: (photoId: string) => void
  onRetry: (photoId: string) => void
}

/** The complaint's photos: each with its upload progress, a retry when it failed, and a way to remove it. */
export function PhotoGrid({ photos, max, onAdd, onRemove, onRetry }: Props) {
  return (
    <View className='photo-grid'>
      {photos.map((photo) => (
        <View
          key={photo.id}
          className={`photo-grid__item photo-grid__item--${photo.state}`}
          data-photo-state={photo.state}
        >
          <Image className='photo-grid__image' src={photo.path} mode='aspectFill' />
          {photo.state === 'uploading' ? (
            <View className='photo-grid__overlay'>
              <Text>上传中 {photo.progress}%</Text>
              <View className='photo-grid__bar' style={{ width: `${photo.progress}%` }} />
            </View>
          ) : null}
          {photo.state === 'failed' ? (
            <View
              className='photo-grid__overlay photo-grid__overlay--failed'
              onClick={() => onRetry(photo.id)}
            >
              <Text>上传失败</Text>
              <Text>点此重试</Text>
            </View>
          ) : null}
          <View className='photo-grid__remove' aria-label='删除照片' onClick={() => onRemove(photo.id)}>
            ×
          </View>
        </View>
      ))}
      {photos.length < max ? (
        <View className='photo-grid__add' onClick={onAdd}>
          <Text className='photo-grid__plus'>+</Text>
          <Text>
            添加照片 {photos.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
