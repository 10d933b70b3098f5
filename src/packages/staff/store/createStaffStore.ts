import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { createAbnormalSlice } from './abnormalSlice'
import { createDevicesSlice } from './devicesSlice'
import { createLocationSlice } from './locationSlice'
import { createRestockSlice, persistedRestock } from './restockSlice'
import { createSettingsSlice } from './settingsSlice'
import { createStocktakeSlice, persistedStocktake } from './stocktakeSlice'
import { createSyncSlice } from './syncSlice'
import type { StaffPorts, StaffState } from './types'

export const STAFF_PERSIST_KEY = 'cabinet-staff'

/**
 * The staff workspace's own store (it ships in the staff subpackage). Persisted: the work kept for the
 * cloud (outbox with idempotency keys), the restock in progress with its counts, the stocktake draft; a
 * reload or a restart in a basement loses none of it.
 */
export function createStaffStore(ports: StaffPorts) {
  return create<StaffState>()(
    persist(
      (...a) => ({
        ...createDevicesSlice(...a),
        ...createRestockSlice(ports)(...a),
        ...createStocktakeSlice(...a),
        ...createAbnormalSlice(...a),
        ...createSettingsSlice(...a),
        ...createLocationSlice(ports)(...a),
        ...createSyncSlice(ports)(...a),
      }),
      {
        name: STAFF_PERSIST_KEY,
        version: 1,
        storage: createJSONStorage(() => ports.storage),
        partialize: (s) => ({
          outbox: s.outbox,
          restock: persistedRestock(s.restock),
          stocktake: persistedStocktake(s.stocktake),
        }),
        // Nested slices keep their live fields (status, wiring) and take back only what was kept.
        merge: (kept, current) => {
          const k = (kept ?? {}) as Partial<Pick<StaffState, 'outbox' | 'restock' | 'stocktake'>>
          return {
            ...current,
            outbox: k.outbox ?? current.outbox,
            restock: { ...current.restock, ...k.restock },
            stocktake: { ...current.stocktake, ...k.stocktake },
          }
        },
      },
    ),
  )
}

export type StaffStore = ReturnType<typeof createStaffStore>
