/** Query keys of carrier accounts and labels, under the OMS root so a broad refresh reaches them too. */
export const shippingQueryKeys = {
  all: ["oms", "shipping"] as const,
  accounts: () => [...shippingQueryKeys.all, "carrier-accounts"] as const,
  orderLabels: (orderId: string) => [...shippingQueryKeys.all, "order-labels", orderId] as const,
  rates: (orderId: string, fulfillmentId: string, accountId: string) =>
    [...shippingQueryKeys.all, "rates", orderId, fulfillmentId, accountId] as const,
  tracking: (labelId: string) => [...shippingQueryKeys.all, "tracking", labelId] as const,
}
