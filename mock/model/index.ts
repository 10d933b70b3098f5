export { createCloud, type Cloud, type CloudListener, type CreateCloudOptions } from './cloud'
export { ManualClock, SystemClock, type Clock, type TimerHandle } from './clock'
export {
  CloudError,
  cloudError,
  isCloudError,
  CLOUD_ERROR_CODES,
  ERROR_INFO,
  type CloudErrorBody,
  type CloudErrorCode,
} from './errors'
export {
  DEFAULT_FIXTURE_TIME,
  FIXTURE_DEVICES,
  FIXTURE_USERS,
  SCENARIO_NAMES,
  isScenarioName,
  type ScenarioInfo,
  type ScenarioName,
} from './fixtures'
export { priceCart, applyPercentOff, isPromotionActive, type PromotionRule } from './pricing'
export { DEFAULT_SETTINGS, FAULT_KINDS, type CloudEvent, type FaultKind, type Settings } from './state'
export { toIso, parseIso } from './time'
export { hashBody } from './util'
export type * from './types'
