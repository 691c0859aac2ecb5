/** Routing's contracts: its admin API and its stored JSON. Types only. */
export type * from "./http"
export type * from "./stored"
