export * from "./events"
export * from "./workflows/resolve-return"
export * from "./workflows/apply-cart-store-credit"
export * from "./workflows/remove-cart-store-credit"
