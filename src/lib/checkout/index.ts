export { routedReservations } from "./routed-reservations"
export type { ReservationRequest, ReservationToCreate, RoutedReservations, Shortage } from "./routed-reservations"
