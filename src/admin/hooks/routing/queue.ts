import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { fetchEveryPage } from "../../lib/every-page"
import type {
  AdminRoutingDecision as RoutingDecision,
  AdminRoutingQueueResponse as RoutingQueueResponse,
} from "../../../types/routing"
import { omsQueryKeys } from "../query-keys"
import type { OrderRouting } from "./orders"

/** Held, backordered and partly routed orders, oldest first. */
export const useRoutingQueue = () =>
  useQuery({
    queryKey: omsQueryKeys.queue(),
    queryFn: () => fetchEveryPage<RoutingQueueResponse>("/admin/oms/routing/queue", "decisions"),
  })

/** Routes a queued order again; refreshes the queue and that order's routing. */
export const useRetryQueuedOrder = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (orderId: string) =>
      sdk.client.fetch<{ decision: RoutingDecision }>(`/admin/oms/orders/${encodeURIComponent(orderId)}/route`, {
        method: "POST",
        body: {},
      }),
    onSuccess: async ({ decision }, orderId) => {
      queryClient.setQueryData<OrderRouting>(omsQueryKeys.orderRouting(orderId), { decision })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.queue() }),
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderReservations(orderId) }),
      ])
    },
  })
}
