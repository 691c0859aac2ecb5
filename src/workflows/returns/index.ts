// Public workflows of the returns capability (re-exported by src/workflows/index.ts).
export * from "./events"
export * from "./workflows/create-return-policy"
export * from "./workflows/update-return-policy"
export * from "./workflows/delete-return-policy"
export * from "./workflows/request-return"
export * from "./workflows/record-core-return"
// ---- receiving and inspection
export * from "./workflows/receive-return-parcel"
export * from "./workflows/inspect-return"
export * from "./workflows/cancel-return-case"
// ---- resolution and store credit
export * from "./workflows/resolve-return"
export * from "./workflows/apply-cart-store-credit"
export * from "./workflows/remove-cart-store-credit"
