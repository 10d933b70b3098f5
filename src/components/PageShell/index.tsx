import { Component, type PropsWithChildren, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { AppError } from '@/domain/errors'
import { useAppStore } from '@/stores'
import { PrivacySheet } from '../PrivacySheet'
import { StatusView } from '../StatusView'
import './index.scss'

interface BoundaryState {
  crashed: boolean
}

/** A render error becomes the catalogue's UNKNOWN screen instead of a white page. */
class ErrorBoundary extends Component<PropsWithChildren, BoundaryState> {
  static getDerivedStateFromError(): BoundaryState {
    return { crashed: true }
  }

  state: BoundaryState = { crashed: false }

  render(): ReactNode {
    if (this.state.crashed) {
      return (
        <StatusView
          kind='error'
          error={new AppError('UNKNOWN')}
          onAction={() => this.setState({ crashed: false })}
        />
      )
    }
    return this.props.children
  }
}

/**
 * Every page sits in this: the error boundary, the elder-mode class that enlarges type and buttons, and the
 * privacy sheet WeChat may need on any page.
 */
export function PageShell({ children }: PropsWithChildren) {
  const elderMode = useAppStore((s) => s.elderMode)
  return (
    <View className={`page-shell${elderMode ? ' page-shell--elder' : ''}`}>
      <ErrorBoundary>{children}</ErrorBoundary>
      <PrivacySheet />
    </View>
  )
}
