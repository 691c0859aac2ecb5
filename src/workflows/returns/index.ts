export * from "./events"
// ---- receiving and inspection (C)
export * from "./workflows/receive-return-parcel"
export * from "./workflows/inspect-return"
export * from "./workflows/cancel-return-case"
