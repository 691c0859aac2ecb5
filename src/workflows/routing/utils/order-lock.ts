/** The lock every change to an order's allocation, fulfillment, labels or returns holds. */
export const orderLockKey = (orderId: string) => `order:${orderId}`
