/**
 * What a tappable View needs beyond its onClick to be a button for keyboards and screen readers in the
 * browser build: the button role and a place in the tab order. (Taro's View types know no tabIndex, and
 * the mini-program templates drop both; the props are harmless there.)
 */
export const TAPPABLE = { role: 'button', tabIndex: 0 } as const
