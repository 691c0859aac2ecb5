import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderLockKey } from "../../../lib/locks"
import { SHIPPING_MODULE } from "../../../modules/shipping"
import { markInterrupted, STALE_PENDING_MS, UNKNOWN_SETTLE_MS } from "../../../modules/shipping/ledger/purchase"
import type ShippingModuleService from "../../../modules/shipping/service"
import type { LabelRow } from "../../../modules/shipping/types"

export const reconcileLabelsStepId = "oms-reconcile-labels"

export type ReconcileLabelsInput = {
  /** Rows younger than this are left alone (a retry may still be about to reuse them). Default 10 minutes. */
  orphan_after_ms?: number
  /** Pending rows older than this were left by a process that died mid-purchase. Default STALE_PENDING_MS. */
  stale_pending_after_ms?: number
  /** Unknown rows younger than this are not yet asked about. Default UNKNOWN_SETTLE_MS. */
  unknown_after_ms?: number
  /** Void only labels bought within this many hours (the carriers' void windows). Default 24. */
  void_window_hours?: number
  limit?: number
}

export type ReconcileLabelsResult = {
  resolved: { id: string; status: string }[]
  voided: { id: string; status: string }[]
  problems: { id: string; message: string }[]
}

/**
 * The ledger's housekeeping, each label under its order's lock:
 * - `pending` rows older than a purchase can take were left by a process that died between
 *   recording the attempt and recording the carrier's answer: they become `unknown` (the
 *   carrier may have bought), and the next pass settles them like any other;
 * - `unknown` rows are settled by looking our reference up at the carrier (never by buying);
 * - orphans, purchased outbound labels whose fulfillment no longer exists or was canceled
 *   (Medusa deleted it after the provider bought, or a cancel went around the provider), are
 *   voided while the carrier still takes them back;
 * - `void_pending` rows are asked again.
 * Nothing to undo: each change is the carrier's answer recorded.
 */
export const reconcileLabelsStep = createStep(reconcileLabelsStepId, async (input: ReconcileLabelsInput, { container }) => {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const fulfillments = container.resolve(Modules.FULFILLMENT)
  const locking = container.resolve(Modules.LOCKING)
  const orphanAfter = input.orphan_after_ms ?? 10 * 60_000
  const unknownAfter = input.unknown_after_ms ?? UNKNOWN_SETTLE_MS
  const windowMs = (input.void_window_hours ?? 24) * 3_600_000
  const take = input.limit ?? 200
  const result: ReconcileLabelsResult = { resolved: [], voided: [], problems: [] }
  const underLock = (row: LabelRow, job: () => Promise<void>) =>
    (row.order_id ? locking.execute(orderLockKey(row.order_id), job, { timeout: 30 }) : job()).catch((e: Error) => {
      result.problems.push({ id: row.id, message: e.message })
    })

  const staleAfter = input.stale_pending_after_ms ?? STALE_PENDING_MS
  const pending = (await shipping.listLabels(
    { status: "pending", created_at: { $lte: new Date(Date.now() - staleAfter) } },
    { take, order: { created_at: "ASC" } }
  )) as unknown as LabelRow[]
  for (const row of pending) {
    await underLock(row, async () => {
      // Read again under the lock: a live purchase may have recorded its answer meanwhile.
      const current = await shipping.retrieveLabelRow(row.id)
      if (current.status !== "pending") return
      await markInterrupted(shipping, current)
    })
  }

  const unknown = (await shipping.listLabels({ status: "unknown" }, { take, order: { created_at: "ASC" } })) as unknown as LabelRow[]
  const startedAt = Date.now()
  for (const row of unknown.filter((r) => startedAt - new Date(r.created_at).getTime() >= unknownAfter)) {
    await underLock(row, async () => {
      const settled = await shipping.resolveUnknown(row.id)
      if (settled.status !== "unknown") result.resolved.push({ id: row.id, status: settled.status })
    })
  }

  // After the unknown pass, so rows it settled count from their purchase; only the void window
  // is read, so old labels never crowd out the ones that can still be taken back.
  const now = Date.now()
  const candidates = ((await shipping.listLabels(
    {
      status: "purchased",
      kind: "outbound",
      fulfillment_id: { $ne: null },
      purchased_at: { $gte: new Date(now - windowMs), $lte: new Date(now - orphanAfter) },
    } as any,
    { take, order: { purchased_at: "ASC" } }
  )) as unknown as LabelRow[])
  const alive = new Map(
    (candidates.length === 0
      ? []
      : await fulfillments.listFulfillments(
        { id: candidates.map((r) => r.fulfillment_id!) },
        { select: ["id", "canceled_at"], take: null }
        )
    ).map((f) => [f.id, !f.canceled_at])
  )
  for (const row of candidates.filter((r) => !alive.get(r.fulfillment_id!))) {
    await underLock(row, async () => {
      // Read again under the lock: a retry may have re-pointed it at a new fulfillment.
      const current = await shipping.retrieveLabelRow(row.id)
      if (current.status !== "purchased") return
      if (current.fulfillment_id !== row.fulfillment_id) {
        const [owner] = await fulfillments.listFulfillments({ id: current.fulfillment_id! }, { select: ["id", "canceled_at"] })
        if (owner && !owner.canceled_at) return
      }
      const voided = await shipping.voidLabel(row.id)
      result.voided.push({ id: row.id, status: voided.status })
    })
  }

  const voidPending = (await shipping.listLabels({ status: "void_pending" }, { take })) as unknown as LabelRow[]
  for (const row of voidPending) {
    await underLock(row, async () => {
      const again = await shipping.voidLabel(row.id)
      if (again.status === "voided") result.voided.push({ id: row.id, status: again.status })
    })
  }
  return new StepResponse(result)
})
