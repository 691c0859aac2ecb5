/** Shipping's contracts: carrier accounts, labels and tracking in the admin API. Types only. */
export type * from "./http"
export type * from "./tracking"
