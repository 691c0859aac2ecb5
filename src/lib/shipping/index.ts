export * from "./contract"
export { CarrierError, isCarrierError } from "./errors"
