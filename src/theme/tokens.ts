/**
 * The design tokens: the one place that holds a colour, a type size, a spacing step, a radius or a tap
 * target. Stylesheets read them as CSS custom properties (`var(--cab-color-brand)`), declared on every page
 * by app.scss from the SCSS this file generates (config/index.ts injects `tokenScss()` into every
 * stylesheet); NutUI reads the same values through its own variables (`--nutui-*`), set here too.
 * Elder mode swaps the type scale and the tap targets for larger ones on the page root, so every text and
 * button of a page grows together. TypeScript that draws (the QR sticker) or configures the platform (the
 * navigation bar) imports the colours from here.
 *
 * Sizes are in design px at 750 wide; postcss turns them into rpx / rem where app.scss declares them, so
 * NutUI's variables (its own stylesheets are drawn at 375) get our values unhalved.
 *
 * Every text colour meets WCAG AA (4.5:1) on the surfaces it is used on (white, the page background and
 * the tinted notice backgrounds); the colour test checks it.
 */

export const colors = {
  /** Actions and the brand: buttons, prices, the selected tab. White text on it reads at 5.3:1. */
  brand: '#d02318',
  /** The pressed / gradient end of brand. */
  brandDeep: '#b81f16',
  brandBg: '#fff1f0',
  brandBorder: '#ffccc7',
  /** Text and icons drawn on brand, danger or dark fills. */
  onBrand: '#ffffff',

  textStrong: '#1a1a1a',
  text: '#333333',
  textSecondary: '#595959',
  /** Hints, captions, timestamps: the lightest grey that still reads at AA on every surface. */
  textHint: '#6e6e6e',
  /** Disabled controls only (WCAG exempts them). */
  textDisabled: '#b3b3b3',

  /** The page behind the cards. */
  bg: '#f5f6f7',
  /** Cards, sheets, inputs. */
  surface: '#ffffff',
  /** A quiet fill inside a card: chips, stepper buttons, skeletons. */
  fill: '#f2f3f5',
  border: '#e5e6eb',
  divider: '#f0f0f0',
  /** The dim layer behind a sheet. */
  mask: 'rgba(0, 0, 0, 0.5)',

  danger: '#cf1322',
  dangerStrong: '#a8071a',
  dangerBg: '#fff1f0',
  dangerBorder: '#ffa39e',
  /** Laid over a photo whose upload failed; white text on it. */
  dangerVeil: 'rgba(168, 7, 26, 0.8)',
  warning: '#ad4e00',
  warningBg: '#fff7e6',
  warningBorder: '#ffd591',
  success: '#237804',
  successBg: '#f6ffed',
  successBorder: '#b7eb8f',
  info: '#0958d9',
  infoBg: '#e6f4ff',
  /** The deposit's gold: money held, not spent. */
  deposit: '#7a5a2b',
  depositBg: '#fdf6ec',
  black: '#000000',
} as const

/** The type scale, normal and elder. Elder mode reads at least 32 px of body text (16 pt on a phone). */
const fontNormal = {
  xs: 22,
  sm: 24,
  md: 26,
  base: 28,
  lg: 30,
  xl: 34,
  title: 38,
  headline: 44,
  display: 56,
  hero: 72,
}
const fontElder: typeof fontNormal = {
  xs: 30,
  sm: 32,
  md: 34,
  base: 36,
  lg: 40,
  xl: 44,
  title: 48,
  headline: 56,
  display: 72,
  hero: 96,
}

export const space = { xxs: 4, xs: 8, sm: 12, md: 16, lg: 24, xl: 32, xxl: 48 }
export const radius = { sm: 8, md: 12, lg: 16, xl: 24, pill: 999 }

/** The smallest thing a finger is asked to hit (44 pt on a phone); elder mode's is larger. */
const tapNormal = { min: 88, large: 96 }
const tapElder: typeof tapNormal = { min: 112, large: 120 }

export type FontStep = keyof typeof fontNormal

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
const px = (n: number) => `${n}px`

function scaleVars(font: typeof fontNormal, tap: typeof tapNormal): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const [step, size] of Object.entries(font)) vars[`--cab-font-${step}`] = px(size)
  vars['--cab-tap-min'] = px(tap.min)
  vars['--cab-tap-large'] = px(tap.large)
  vars['--nutui-font-size-xs'] = px(font.xs)
  vars['--nutui-font-size-s'] = px(font.sm)
  vars['--nutui-font-size-base'] = px(font.base)
  vars['--nutui-font-size-l'] = px(font.lg)
  vars['--nutui-font-size-xl'] = px(font.xl)
  vars['--nutui-button-default-height'] = px(tap.min)
  vars['--nutui-button-large-height'] = px(tap.large)
  vars['--nutui-button-xlarge-height'] = px(tap.large + 16)
  vars['--nutui-button-small-height'] = px(Math.round(tap.min * 0.75))
  vars['--nutui-button-mini-height'] = px(Math.round(tap.min * 0.6))
  return vars
}

/** Every custom property of the normal theme: colours, scale, spacing, radius, and NutUI's colours. */
export function themeVars(): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const [name, value] of Object.entries(colors)) vars[`--cab-color-${kebab(name)}`] = value
  for (const [name, value] of Object.entries(space)) vars[`--cab-space-${name}`] = px(value)
  for (const [name, value] of Object.entries(radius)) vars[`--cab-radius-${name}`] = px(value)
  Object.assign(vars, scaleVars(fontNormal, tapNormal))
  vars['--nutui-color-primary'] = colors.brand
  vars['--nutui-color-primary-stop-1'] = colors.brand
  vars['--nutui-color-primary-stop-2'] = colors.brandDeep
  vars['--nutui-color-primary-text'] = colors.onBrand
  vars['--nutui-color-title'] = colors.textStrong
  vars['--nutui-color-text'] = colors.textSecondary
  vars['--nutui-color-text-help'] = colors.textHint
  vars['--nutui-color-text-disabled'] = colors.textDisabled
  vars['--nutui-color-background'] = colors.bg
  vars['--nutui-color-background-overlay'] = colors.surface
  vars['--nutui-color-border'] = colors.border
  vars['--nutui-color-danger'] = colors.danger
  vars['--nutui-color-warning'] = colors.warning
  vars['--nutui-color-success'] = colors.success
  vars['--nutui-color-info'] = colors.info
  return vars
}

/** What elder mode changes: the type scale and the tap targets, nothing else. */
export function elderVars(): Record<string, string> {
  return scaleVars(fontElder, tapElder)
}

const block = (vars: Record<string, string>) =>
  Object.entries(vars)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n')

/**
 * The SCSS prepended to every stylesheet: two mixins, used once, by app.scss. Mixins emit nothing where
 * they are not included, so the prelude costs no bytes in the other stylesheets.
 */
export function tokenScss(): string {
  return `@mixin cab-theme {\n${block(themeVars())}\n}\n@mixin cab-elder {\n${block(elderVars())}\n}\n`
}
