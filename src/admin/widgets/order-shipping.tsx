import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { OrderShipping } from "../components/shipping/order-shipping"

/** The order's carrier labels: buy (with rates), print, void, return label, tracking. */
const OrderShippingWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => (
  <OrderShipping
    orderId={order.id}
    fulfillments={(order.fulfillments ?? []).map((f) => ({
      id: f.id,
      canceled_at: f.canceled_at,
      shipped_at: f.shipped_at,
      location_id: f.location_id,
    }))}
  />
)

export const config = defineWidgetConfig({
  id: "medusa-oms:order-shipping",
  zone: "order.details.after",
})

export default OrderShippingWidget
