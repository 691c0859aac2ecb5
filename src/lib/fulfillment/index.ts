export { planFulfillmentInventory } from "./plan-inventory"
export { exceedsReservedSentence, noReservationSentence } from "./medusa-sentences"
export { partLabel, reservedParts } from "./line-parts"
export type * from "./types"
