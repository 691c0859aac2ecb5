

/** Query keys of the OMS admin data; one root so a mutation can refresh what it touched. */
export const omsQueryKeys = {
  all: ["oms"] as const,
  overview: () => [...omsQueryKeys.all, "overview"] as const,
  locations: () => [...omsQueryKeys.all, "locations"] as const,
  orderReservations: (orderId: string) => [...omsQueryKeys.all, "orders", orderId, "reservations"] as const,
  orderRouting: (orderId: string) => [...omsQueryKeys.all, "orders", orderId, "routing"] as const,
  ruleSets: () => [...omsQueryKeys.all, "rule-sets"] as const,
  queue: () => [...omsQueryKeys.all, "routing-queue"] as const,
  salesChannels: () => [...omsQueryKeys.all, "sales-channels"] as const,
  users: () => [...omsQueryKeys.all, "users"] as const,
  orderNumbers: (ids: string[]) => [...omsQueryKeys.all, "order-numbers", ids] as const,
}
