import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { fetchEveryPage } from "../lib/every-page"
import type {
  LocationProfileUpdate,
  OmsLocation,
  OmsLocationsResponse,
  OmsOverview,
  OrderReservations,
  OrderRouting,
  RoutingDecision,
  RoutingQueueResponse,
  RuleSet,
  RuleSetDefinition,
  RuleSetsResponse,
  SalesChannelOption,
  UserOption,
} from "../lib/types"

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

/** While an order has no decision yet (it is routed in the background after placement), ask again this often. */
const NOT_ROUTED_POLL_MS = 3_000
/** ... and stop asking after this many answers (about two minutes). */
const NOT_ROUTED_POLL_LIMIT = 40

const isNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404

/** Orders today, fulfillment counts and stock per location. */
export const useOmsOverview = () =>
  useQuery({
    queryKey: omsQueryKeys.overview(),
    queryFn: () => sdk.client.fetch<OmsOverview>("/admin/oms/overview"),
  })

/** Stock locations with their routing profiles. */
export const useOmsLocations = () =>
  useQuery({
    queryKey: omsQueryKeys.locations(),
    queryFn: () => fetchEveryPage<OmsLocationsResponse>("/admin/oms/locations", "locations"),
  })

/** Changes a location's routing profile; refreshes locations and the overview on success. */
export const useUpdateLocationProfile = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: LocationProfileUpdate }) =>
      sdk.client.fetch<{ location: OmsLocation }>(`/admin/oms/locations/${encodeURIComponent(id)}`, {
        method: "POST",
        body: update,
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.locations() }),
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.overview() }),
      ])
    },
  })
}

/** Where an order's units are reserved, per location, and which lines are not reserved. */
export const useOrderReservations = (orderId: string | undefined) =>
  useQuery({
    queryKey: omsQueryKeys.orderReservations(orderId ?? ""),
    queryFn: () =>
      sdk.client.fetch<OrderReservations>(
        `/admin/oms/orders/${encodeURIComponent(orderId as string)}/reservations`
      ),
    enabled: Boolean(orderId),
  })

/**
 * The order's routing decision, or `decision: null` while it has none (the server answers 404
 * then). Orders are routed in the background when placed, so a missing decision is asked for
 * again every few seconds for a while.
 */
export const useOrderRouting = (orderId: string | undefined) =>
  useQuery({
    queryKey: omsQueryKeys.orderRouting(orderId ?? ""),
    queryFn: async (): Promise<OrderRouting> => {
      try {
        return await sdk.client.fetch<{ decision: RoutingDecision }>(
          `/admin/oms/orders/${encodeURIComponent(orderId as string)}/routing`
        )
      } catch (error) {
        if (isNotFound(error)) return { decision: null }
        throw error
      }
    },
    enabled: Boolean(orderId),
    refetchInterval: (query) =>
      query.state.data && query.state.data.decision === null && query.state.dataUpdateCount < NOT_ROUTED_POLL_LIMIT
        ? NOT_ROUTED_POLL_MS
        : false,
  })

/** Routes the order again on current stock and profiles; refreshes its routing and reservations. */
export const useRerouteOrder = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ decision: RoutingDecision }>(`/admin/oms/orders/${encodeURIComponent(orderId)}/route`, {
        method: "POST",
        body: {},
      }),
    onSuccess: async ({ decision }) => {
      queryClient.setQueryData<OrderRouting>(omsQueryKeys.orderRouting(orderId), { decision })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderRouting(orderId) }),
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderReservations(orderId) }),
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.overview() }),
      ])
    },
  })
}

export type RejectReason = "not_in_stock" | "damaged" | "no_capacity"

export type RejectLinesBody = {
  location_id: string
  reason: RejectReason
  items: Array<{ line_item_id: string; quantity: number }>
  note?: string
}

export type MoveLinesBody = {
  to_location_id: string
  items: Array<{ line_item_id: string; quantity?: number }>
}

/** After a change to an order's allocation: its routing, reservations, the counts and the queue. */
const refreshOrder = (queryClient: ReturnType<typeof useQueryClient>, orderId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderRouting(orderId) }),
    queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderReservations(orderId) }),
    queryClient.invalidateQueries({ queryKey: omsQueryKeys.overview() }),
    queryClient.invalidateQueries({ queryKey: omsQueryKeys.queue() }),
  ])

/** A location rejects lines (with a reason); the server routes the order again without it. */
export const useRejectLines = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: RejectLinesBody) =>
      sdk.client.fetch<{ decision: RoutingDecision }>(`/admin/oms/orders/${encodeURIComponent(orderId)}/reject`, {
        method: "POST",
        body,
      }),
    onSuccess: async ({ decision }) => {
      queryClient.setQueryData<OrderRouting>(omsQueryKeys.orderRouting(orderId), { decision })
      await refreshOrder(queryClient, orderId)
    },
  })
}

/** Moves lines' reservations to another location (the server checks its free stock). */
export const useMoveLines = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: MoveLinesBody) =>
      sdk.client.fetch<{ decision: RoutingDecision }>(`/admin/oms/orders/${encodeURIComponent(orderId)}/move`, {
        method: "POST",
        body,
      }),
    onSuccess: async ({ decision }) => {
      queryClient.setQueryData<OrderRouting>(omsQueryKeys.orderRouting(orderId), { decision })
      await refreshOrder(queryClient, orderId)
    },
  })
}

/** Every rule set version, newest first. */
export const useRuleSets = () =>
  useQuery({
    queryKey: omsQueryKeys.ruleSets(),
    queryFn: () => fetchEveryPage<RuleSetsResponse>("/admin/oms/rule-sets", "rule_sets"),
  })

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

export type RuleSetAction = "activate" | "archive" | "duplicate"

/** Creates a draft, changes a draft's definition, or activates / archives / duplicates a version. */
export const useRuleSetMutations = () => {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: omsQueryKeys.ruleSets() })
  const create = useMutation({
    mutationFn: (body: { name: string; definition: RuleSetDefinition; sales_channel_id?: string | null }) =>
      sdk.client.fetch<{ rule_set: RuleSet }>("/admin/oms/rule-sets", { method: "POST", body }),
    onSuccess: refresh,
  })
  const update = useMutation({
    mutationFn: ({ id, definition }: { id: string; definition: RuleSetDefinition }) =>
      sdk.client.fetch<{ rule_set: RuleSet }>(`/admin/oms/rule-sets/${encodeURIComponent(id)}`, {
        method: "POST",
        body: { definition },
      }),
    onSuccess: refresh,
  })
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: RuleSetAction }) =>
      sdk.client.fetch<{ rule_set: RuleSet }>(`/admin/oms/rule-sets/${encodeURIComponent(id)}/${action}`, {
        method: "POST",
        body: {},
      }),
    onSuccess: refresh,
  })
  return { create, update, act }
}

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
