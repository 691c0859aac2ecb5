/** Contracts of the overview and the reservations route. Types only. */
export type * from "./http"
