/** The customer messages the plugin sends, one per step of an order's life. */
export const MESSAGE_KINDS = [
  "order.confirmed",
  "order.shipped",
  "order.delivered",
  "return.requested",
  "return.received",
  "return.resolved",
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const MESSAGE_LOCALES = ["en", "pl", "de"] as const

/** What a person sees in the admin for each message. */
export const MESSAGE_TITLES: Record<MessageKind, string> = {
  "order.confirmed": "Order confirmed",
  "order.shipped": "Parcel shipped",
  "order.delivered": "Parcel delivered",
  "return.requested": "Return requested",
  "return.received": "Return received",
  "return.resolved": "Refunded or credited",
}

export type MessageTemplate = { subject: string; body: string }

/** The placeholders each message can use, with the sample a preview renders. */
export type MessageData = {
  customer_name: string
  order_number: string
  total?: string
  items?: { quantity: number; title: string }[]
  carrier?: string
  tracking_number?: string
  tracking_url?: string
  rma_code?: string
  slip_url?: string
  amount?: string
  resolution?: string
  store_name: string
}
