// Public workflows of medusa-oms (package export "medusa-oms/workflows").
export * from "./routing/workflows/update-location-profile"
export * from "./routing/workflows/route-order"
export * from "./routing/workflows/close-routing-decision"
export * from "./routing/events"
export * from "./checkout/workflows/complete-cart-with-routing"
export * from "./routing/workflows/rule-sets"
export * from "./routing/workflows/reject-lines"
export * from "./routing/workflows/move-lines"
