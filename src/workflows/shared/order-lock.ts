import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { orderLockKey } from "../../lib/locks"

export type OrderLockOptions = {
  /** Seconds to wait for the lock before the workflow fails. */
  timeout?: number
  /** Seconds the lock lives if the workflow dies without releasing it. */
  ttl?: number
  /** Step name, for a workflow that takes more than one lock (acquireLockStep is one step id). */
  name?: string
}

/**
 * Composition helper: takes `order:<id>`, the lock every workflow changing an order's
 * allocation, fulfillment, labels or returns holds. Returns the key for releaseOrderLock.
 */
export function acquireOrderLock(orderId: WorkflowData<string> | string, options: OrderLockOptions = {}) {
  const key = transform({ orderId }, ({ orderId }) => orderLockKey(orderId))
  const step = acquireLockStep({ key, timeout: options.timeout ?? 30, ttl: options.ttl ?? 120 })
  if (options.name) step.config({ name: options.name })
  return key
}

/** Composition helper: releases what acquireOrderLock took. */
export function releaseOrderLock(key: WorkflowData<string>, options: Pick<OrderLockOptions, "name"> = {}) {
  const step = releaseLockStep({ key })
  if (options.name) step.config({ name: options.name })
}
