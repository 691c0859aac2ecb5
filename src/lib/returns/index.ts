/** The returns capability's pure core: policy, eligibility, request checks, destinations, refunds. */
export * from "./types"
export { choosePolicy, marketOrderFacts, orderPolicies, type MarketFacts } from "./policy"
export { arrivalOf, returnWindow, windowStart, type FulfillmentDates, type ReturnWindow, type WindowBasis } from "./window"
export { returnEligibility } from "./eligibility"
export { checkReturnRequest, type RequestProblem } from "./request"
export { termsOf } from "./terms"
export { refundBreakdown, type RefundInput, type RefundLine } from "./refund"
export { chooseDestinations, shortage } from "./destination"
export { defaultDisposition } from "./grades"
export { selects, selectsAny } from "./selectors"
export { defaultPolicyDefinition } from "./defaults"
export {
  MalformedReturnPolicyError,
  parseReturnPolicy,
  parseReturnPolicyDefinition,
  returnPolicyDefinitionFields,
  returnPolicyDefinitionPatchSchema,
  returnPolicyDefinitionSchema,
  returnPolicySchema,
  returnPolicyUpdateSchema,
} from "./schema"
