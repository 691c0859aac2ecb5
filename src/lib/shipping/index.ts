export * from "./contract"
export { CarrierError, isCarrierError } from "./errors"
export { fulfillmentSteps, latestStatus, trackingEventKey } from "./tracking"
export type { FulfillmentProgress } from "./tracking"
