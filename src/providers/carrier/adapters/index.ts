import type { CarrierAccountConfig, CarrierAdapter, CarrierCode } from "../../../lib/shipping/contract"
import { createOfflineAdapter } from "./offline"
import { createSendcloudAdapter } from "./sendcloud"
import { createShipstationAdapter } from "./shipstation"
import { createEasyPostAdapter } from "./easypost"
import { createShippoAdapter } from "./shippo"

/** What the ledger passes every adapter besides the account: hooks for retries and the shared limiter. */
export type AdapterOptions = {
  onRetry?: (info: { attempt: number; status: number | null; path: string }) => void
  acquire?: () => Promise<void>
  timeout_ms?: number
}

export type AdapterFactory = (config: CarrierAccountConfig, options?: AdapterOptions) => CarrierAdapter

/** Carrier code -> adapter factory. Each adapter adds its one line here. */
export const adapterFactories: Partial<Record<CarrierCode, AdapterFactory>> = {
  offline: createOfflineAdapter,
  shipstation: createShipstationAdapter,
  sendcloud: createSendcloudAdapter,
  easypost: createEasyPostAdapter,
  shippo: createShippoAdapter,
}

export function createAdapter(config: CarrierAccountConfig, options?: AdapterOptions): CarrierAdapter {
  const factory = adapterFactories[config.carrier]
  if (!factory) throw new Error(`No adapter for carrier "${config.carrier}"`)
  return factory(config, options)
}
