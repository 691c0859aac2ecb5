/**
 * Responses of the routes every capability leans on: the Order management overview and an
 * order's reservations by location.
 */
import type { RoutingCounts } from "../../modules/routing/queries/routing-counts"
import type { Timestamp } from "../common"

export type { RoutingCounts }

/** Medusa's order fulfillment statuses, as the overview counts them (canceled orders apart). */
export type FulfillmentStatus =
  | "not_fulfilled"
  | "partially_fulfilled"
  | "fulfilled"
  | "partially_shipped"
  | "shipped"
  | "partially_delivered"
  | "delivered"
  | "canceled"

export type StockAtLocation = {
  location_id: string
  name: string
  /** Inventory items with a level at this location. */
  items: number
  stocked: number
  reserved: number
  available: number
}

/** GET /admin/oms/overview */
export type AdminOmsOverviewResponse = {
  timezone: string
  today_starts_at: Timestamp
  orders_today: number
  fulfillment: {
    window_days: number
    orders: number
    by_status: Partial<Record<FulfillmentStatus, number>> & Record<string, number>
  }
  stock_by_location: StockAtLocation[]
  routing: RoutingCounts
}

export type ReservedLine = {
  line_item_id: string
  title: string
  sku: string | null
  quantity: number
}

/** GET /admin/oms/orders/:id/reservations */
export type AdminOrderReservationsResponse = {
  order_id: string
  display_id: number | null
  locations: { location_id: string; name: string; units: number; lines: ReservedLine[] }[]
  /** Units already fulfilled: no longer reserved, and nothing is wrong. */
  fulfilled: ReservedLine[]
  /** Units neither fulfilled nor reserved anywhere. */
  unreserved: ReservedLine[]
}
