export * from "./policy"
export { shopRates } from "./shop"
export { ratePolicySchema, defaultRatePolicy } from "./schema"
export { rateName } from "./rank"
