import type { ReturnStatus } from "../../../types/returns"

/** Query keys of the returns pages, under the OMS root so a broad refresh reaches them too. */
export const returnsQueryKeys = {
  all: ["oms", "returns"] as const,
  queueRoot: () => [...returnsQueryKeys.all, "queue"] as const,
  queue: (status: ReturnStatus) => [...returnsQueryKeys.queueRoot(), status] as const,
  case: (id: string) => [...returnsQueryKeys.all, "case", id] as const,
  stats: (range: StatsRangeInput) => [...returnsQueryKeys.all, "stats", range] as const,
  policies: () => [...returnsQueryKeys.all, "policies"] as const,
  orderReturns: (orderId: string) => [...returnsQueryKeys.all, "order", orderId] as const,
  reasons: () => [...returnsQueryKeys.all, "reasons"] as const,
  regions: () => [...returnsQueryKeys.all, "regions"] as const,
}

/** The Returns page's date range as typed (ISO dates); empty = the server's last 30 days. */
export type StatsRangeInput = { from?: string; to?: string }
