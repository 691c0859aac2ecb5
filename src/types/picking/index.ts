/** Picking's contracts: its admin API. Types only. */
export type * from "./http"
