import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { SalesChannelOption, UserOption } from "../lib/medusa-types"
import { omsQueryKeys } from "./query-keys"

/** Sales channels, for naming a rule set's scope and choosing one. */
export const useSalesChannelOptions = () =>
  useQuery({
    queryKey: omsQueryKeys.salesChannels(),
    queryFn: () =>
      sdk.client.fetch<{ sales_channels: SalesChannelOption[] }>("/admin/sales-channels", {
        query: { fields: "id,name", limit: 200 },
      }),
  })

/** Admin users, for naming who created a rule set. */
export const useUserOptions = () =>
  useQuery({
    queryKey: omsQueryKeys.users(),
    queryFn: () =>
      sdk.client.fetch<{ users: UserOption[] }>("/admin/users", {
        query: { fields: "id,email,first_name,last_name", limit: 200 },
      }),
  })

/** Display numbers ("#12") of the given orders, by order id; empty while loading or on failure. */
export const useOrderNumbers = (orderIds: string[]) =>
  useQuery({
    queryKey: omsQueryKeys.orderNumbers(orderIds),
    queryFn: async () => {
      const { orders } = await sdk.client.fetch<{ orders: Array<{ id: string; display_id: number | null }> }>(
        "/admin/orders",
        { query: { id: orderIds, fields: "id,display_id", limit: orderIds.length } }
      )
      return Object.fromEntries(orders.map((order) => [order.id, order.display_id]))
    },
    enabled: orderIds.length > 0,
  })
