export * from "./contract"
export { CarrierError, isCarrierError } from "./errors"
export { nextSlot } from "./pacing"
export type { Pace, PaceState, Slot } from "./pacing"
