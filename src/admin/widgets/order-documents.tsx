import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { OrderDocuments } from "../components/documents/order-documents"

/** The order's invoice and credit notes, to download. */
const OrderDocumentsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => <OrderDocuments orderId={order.id} />

export const config = defineWidgetConfig({
  id: "medusa-oms:order-documents",
  zone: "order.details.after",
})

export default OrderDocumentsWidget
