import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { OrderReturns } from "../components/returns/order-returns"

/** The order's returns: each one's story from request to resolution, and what is still returnable. */
const OrderReturnsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => <OrderReturns orderId={order.id} />

export const config = defineWidgetConfig({
  id: "medusa-oms:order-returns",
  zone: "order.details.after",
})

export default OrderReturnsWidget
