export { stockMatrix, withStock } from "./stock-matrix"
export { ReservationBatch } from "./reservation-batch"
export type { HeldReservation, LevelRow, StockMatrix } from "./types"
