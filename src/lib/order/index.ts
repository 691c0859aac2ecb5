export { plannerLineId, splitPlannerLineId } from "./line-id"
export type { OrderLineItemRef } from "./line-id"
