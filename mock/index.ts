/**
 * The emulated thin cloud (DESIGN.md §5): a stateful model of the cloud and its cabinets (mock/model), the
 * msw handlers for every operation of the contract (mock/handlers) and their three hosts: msw in Node for
 * jest (mock/hosts/node), the HTTP + WebSocket server with the control side and the cabinet simulator
 * (mock/server, `npm run mock`), and any msw worker built from `createHandlers`. The app never imports this.
 */
export {
  createCloud,
  type Cloud,
  ManualClock,
  SystemClock,
  SCENARIO_NAMES,
  FIXTURE_USERS,
  FIXTURE_DEVICES,
} from './model'
export { createHandlers, Runtime, type RuntimeOptions, type NetworkFaults } from './handlers'
export { Control, CONTROL_ROUTES, createControlHandlers, runControl } from './handlers/control'
export { StreamHub } from './handlers/stream'
export { createStreamHandler } from './handlers/streamLink'
export { createAssetHandlers } from './handlers/assets'
export {
  setupCloudForJest,
  installCloudInJest,
  JEST_BASE_URL,
  type JestCloud,
  type JestCloudOptions,
} from './hosts/node'
export { startEmulatorServer, type EmulatorServer, type EmulatorServerOptions } from './server/start'
