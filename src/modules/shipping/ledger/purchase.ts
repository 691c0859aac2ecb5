import { MedusaError } from "@medusajs/framework/utils"
import type { CarrierFailure, PurchasedLabel, ShipmentRequest } from "../../../lib/shipping/contract"
import { carrierNames } from "../../../lib/shipping/contract"
import { isCarrierError } from "../../../lib/shipping/errors"
import { attemptReference } from "../../../lib/shipping/label-key"
import type ShippingModuleService from "../service"
import type { SharedPaceDeps } from "../../../providers/carrier/rate-limit"
import type { LabelRow, PurchaseInput } from "../types"
import { chooseRate } from "./choose-rate"

/** How long a caller waits for another caller's purchase under the same key to settle. */
const PENDING_WAIT_MS = 20_000
/** A pending row older than this was left by a crashed process: its outcome is unknown. */
export const STALE_PENDING_MS = 120_000
/**
 * A lookup that finds nothing this soon after the call may have overtaken the purchase at the
 * carrier; the row stays unknown until it is older (the reconcile job asks again).
 */
export const UNKNOWN_SETTLE_MS = 60_000

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const age = (row: LabelRow) => Date.now() - new Date(row.created_at).getTime()

/**
 * Buys a label exactly once per idempotency key:
 * 1. a live row under the key is settled, never bought again: purchased is returned (and
 *    re-pointed at the caller's fulfillment when Medusa deleted the one it was bought for);
 *    unknown is resolved by lookup; pending (another caller at this moment) is waited for;
 * 2. otherwise a pending row is INSERTED before any carrier call (the partial unique index on
 *    the key makes a racing second insert fail, and that caller goes back to 1);
 * 3. the carrier is called and the outcome recorded: purchased, failed (the carrier refused:
 *    nothing was bought, the next call makes a new attempt) or unknown (the answer was lost:
 *    looked up at once, and by the reconcile job later).
 */
export async function purchaseLabel(svc: ShippingModuleService, input: PurchaseInput, pace?: SharedPaceDeps): Promise<LabelRow> {
  for (let round = 0; round < 6; round++) {
    const live = await svc.liveLabel(input.idempotency_key)
    if (live) {
      const settled = await settleLive(svc, live, input)
      if (settled) return settled
      continue // the live row turned out failed: a new attempt may be made
    }
    const claimed = await claim(svc, input)
    if (!claimed) continue // another caller inserted first; settle theirs
    return await callCarrier(svc, claimed, input, pace)
  }
  throw conflict(`The label purchase "${input.idempotency_key}" keeps changing under concurrent requests; try again`)
}

/** Returns the purchased row, null when the key is free again (the live row failed), or throws. */
async function settleLive(svc: ShippingModuleService, live: LabelRow, input: PurchaseInput): Promise<LabelRow | null> {
  let row = live
  if (row.status === "pending") row = await waitWhilePending(svc, row)
  if (row.status === "unknown") row = await resolveUnknownLabel(svc, row)
  if (row.status === "purchased") return repoint(svc, row, input.fulfillment_id)
  if (row.status === "failed") return null
  if (row.status === "unknown") {
    throw conflict(
      `The label purchase for ${describe(row)} has an unknown outcome at ${carrierNames[row.carrier] ?? row.carrier} ` +
        `(${row.failure_message ?? "its answer was lost"}); it is being looked up by reference ${row.reference}, never bought again. Try again in a minute`
    )
  }
  throw conflict(`A label for ${describe(row)} is being bought right now; try again in a moment`)
}

/**
 * A pending row whose process died between recording the attempt and recording the answer: its
 * outcome is unknown (the carrier may have bought), so a lookup settles it, never a new purchase.
 */
export async function markInterrupted(svc: ShippingModuleService, row: LabelRow): Promise<LabelRow> {
  return (await svc.updateLabels({ id: row.id, status: "unknown", failure_message: "the purchase was interrupted" } as any)) as unknown as LabelRow
}

async function waitWhilePending(svc: ShippingModuleService, row: LabelRow): Promise<LabelRow> {
  const until = Date.now() + PENDING_WAIT_MS
  let current = row
  while (current.status === "pending" && Date.now() < until) {
    if (age(current) > STALE_PENDING_MS) {
      // The process that wrote it died between writing the row and recording the answer.
      return markInterrupted(svc, current)
    }
    await sleep(200)
    current = await svc.retrieveLabelRow(current.id)
  }
  return current
}

/** A retry after Medusa deleted the fulfillment the label was bought for: the label moves to the new one. */
async function repoint(svc: ShippingModuleService, row: LabelRow, fulfillmentId: string | null | undefined): Promise<LabelRow> {
  if (!fulfillmentId || row.fulfillment_id === fulfillmentId) return row
  return (await svc.updateLabels({ id: row.id, fulfillment_id: fulfillmentId } as any)) as unknown as LabelRow
}

async function claim(svc: ShippingModuleService, input: PurchaseInput): Promise<LabelRow | null> {
  const earlier = (await svc.listLabels({ idempotency_key: input.idempotency_key }, { select: ["attempt"], take: null })) as unknown as {
    attempt: number
  }[]
  const attempt = earlier.reduce((max, r) => Math.max(max, r.attempt), 0) + 1
  const reference = attemptReference(input.idempotency_key, attempt)
  const account = await svc.retrievePublicCarrierAccount(input.carrier_account_id)
  if (!account.active) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Carrier account "${account.name}" is paused; activate it to buy labels`)
  }
  try {
    return (await svc.createLabels({
      idempotency_key: input.idempotency_key,
      attempt,
      reference,
      kind: input.kind ?? "outbound",
      status: "pending",
      order_id: input.order_id ?? null,
      fulfillment_id: input.fulfillment_id ?? null,
      location_id: input.location_id ?? null,
      carrier_account_id: account.id,
      carrier: account.carrier,
      service_code: input.rate?.service_code ?? input.service_code ?? null,
      request: { ...input.shipment, reference } as unknown as Record<string, unknown>,
      rate: (input.rate ?? null) as unknown as Record<string, unknown> | null,
      format: input.format ?? "pdf",
      size: input.size ?? "4x6",
      created_by: input.created_by ?? null,
    } as any)) as unknown as LabelRow
  } catch (e) {
    if (isUniqueViolation(e)) return null
    throw e
  }
}

async function callCarrier(svc: ShippingModuleService, row: LabelRow, input: PurchaseInput, pace?: SharedPaceDeps): Promise<LabelRow> {
  const shipment: ShipmentRequest = { ...input.shipment, reference: row.reference }
  let rate = input.rate ?? null
  let buying = false
  try {
    const adapter = await svc.adapterFor(row.carrier_account_id, pace)
    if (!rate) {
      const chosen = chooseRate(await adapter.rates(shipment), input.service_code, {
        policy: input.rate_policy,
        facts: input.facts,
      })
      if ("refusal" in chosen) return await failed(svc, row, refusalFailure(row, chosen.refusal))
      rate = chosen.rate
      await svc.updateLabels({
        id: row.id,
        rate: rate as unknown as Record<string, unknown>,
        rate_decision: chosen.decision,
        service_code: rate.service_code,
        carrier_shipment_id: rate.carrier_shipment_id,
      } as any)
    }
    const request = { shipment, rate, format: row.format, size: row.size }
    buying = true
    const label = row.kind === "return" ? await adapter.returnLabel(request) : await adapter.buy(request)
    return await purchased(svc, row, label)
  } catch (e) {
    if (e instanceof MedusaError) throw e
    // Before the buy call (rates, a missing adapter) nothing can have been bought: rates only
    // quote. A CarrierError that says the outcome is certain is a refusal; anything else may
    // have bought the label.
    if (!buying || (isCarrierError(e) && !e.outcomeUnknown)) {
      return await failed(svc, row, failureOf(row, e))
    }
    await svc.updateLabels({ id: row.id, status: "unknown", ...failureFields(failureOf(row, e)) } as any)
    return settleOrThrow(await resolveUnknownLabel(svc, await svc.retrieveLabelRow(row.id), { immediate: true }))
  }
}

function settleOrThrow(row: LabelRow): LabelRow {
  if (row.status === "purchased") return row
  throw conflict(
    `The label purchase for ${describe(row)} has an unknown outcome at ${carrierNames[row.carrier] ?? row.carrier} ` +
      `(${row.failure_message ?? "its answer was lost"}); it will be looked up by reference ${row.reference}, never bought again. Try again in a minute`
  )
}

/**
 * Settles an unknown row by asking the carrier for our reference. Found: purchased. Not found
 * (and the row old enough that the purchase cannot still be on its way): failed, so a new
 * attempt may buy. The carrier unreachable: still unknown.
 */
export async function resolveUnknownLabel(
  svc: ShippingModuleService,
  row: LabelRow,
  opts: { immediate?: boolean } = {}
): Promise<LabelRow> {
  if (row.status !== "unknown") return row
  let found: PurchasedLabel | null
  try {
    const adapter = await svc.adapterFor(row.carrier_account_id)
    found = await adapter.lookup(row.reference, {
      rate: row.rate ?? undefined,
      carrier_shipment_id: row.carrier_shipment_id,
      format: row.format,
    })
  } catch (e) {
    const failure = failureOf(row, e)
    return (await svc.updateLabels({ id: row.id, failure_message: `lookup failed: ${failure.message}` } as any)) as unknown as LabelRow
  }
  if (found) return purchased(svc, row, found)
  if (opts.immediate || age(row) < UNKNOWN_SETTLE_MS) return row
  const carrier = carrierNames[row.carrier] ?? row.carrier
  return failed(svc, row, refusalFailure(row, `${carrier} has no purchase under reference ${row.reference}: nothing was bought`), {
    quiet: true,
  })
}

/** Voids a purchased label; asking again is a no-op. A refusal keeps the label and says why. */
export async function voidLedgerLabel(svc: ShippingModuleService, row: LabelRow): Promise<LabelRow> {
  if (row.status === "unknown") row = await resolveUnknownLabel(svc, row)
  if (row.status === "voided" || row.status === "failed") return row
  if (row.status !== "purchased" && row.status !== "void_pending") {
    throw conflict(`The label for ${describe(row)} is ${row.status}; it can be voided once its purchase is settled`)
  }
  const adapter = await svc.adapterFor(row.carrier_account_id)
  const outcome = await adapter.void(toPurchasedLabel(row)).catch((e) => {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, failureOf(row, e).message)
  })
  if (outcome.status === "voided") {
    return (await svc.updateLabels({ id: row.id, status: "voided", voided_at: new Date(), void_message: null } as any)) as unknown as LabelRow
  }
  if (outcome.status === "pending") {
    return (await svc.updateLabels({ id: row.id, status: "void_pending", void_message: outcome.message } as any)) as unknown as LabelRow
  }
  await svc.updateLabels({ id: row.id, void_message: outcome.message } as any)
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${carrierNames[row.carrier] ?? row.carrier} refused to void the label for ${describe(row)}: ${outcome.message}`)
}

/** The ledger row as the adapter's PurchasedLabel (what void and track take). */
export function toPurchasedLabel(row: LabelRow): PurchasedLabel {
  return {
    carrier: row.carrier,
    carrier_label_id: row.carrier_label_id ?? "",
    parcels: row.parcels ?? [],
    amount: row.amount ?? 0,
    currency_code: row.currency_code ?? "",
    service_code: row.service_code ?? "",
    carrier_data: row.carrier_data ?? {},
  }
}

async function purchased(svc: ShippingModuleService, row: LabelRow, label: PurchasedLabel): Promise<LabelRow> {
  return (await svc.updateLabels({
    id: row.id,
    status: "purchased",
    carrier_label_id: label.carrier_label_id,
    parcels: label.parcels as unknown as Record<string, unknown>,
    tracking_numbers: label.parcels.map((p) => p.tracking_number),
    amount: label.amount,
    currency_code: label.currency_code,
    service_code: label.service_code || row.service_code,
    carrier_data: label.carrier_data,
    purchased_at: new Date(),
    failure: null,
    failure_message: null,
  } as any)) as unknown as LabelRow
}

async function failed(
  svc: ShippingModuleService,
  row: LabelRow,
  failure: CarrierFailure,
  opts: { quiet?: boolean } = {}
): Promise<LabelRow> {
  const updated = (await svc.updateLabels({ id: row.id, status: "failed", ...failureFields(failure) } as any)) as unknown as LabelRow
  if (opts.quiet) return updated
  const type = ["network", "unavailable", "rate_limited"].includes(failure.kind)
    ? MedusaError.Types.UNEXPECTED_STATE
    : MedusaError.Types.INVALID_DATA
  throw new MedusaError(type, `No label was bought for ${describe(row)}: ${failure.message}`)
}

const failureFields = (failure: CarrierFailure) => ({
  failure: failure as unknown as Record<string, unknown>,
  failure_message: failure.message,
})

function failureOf(row: LabelRow, e: unknown): CarrierFailure {
  if (isCarrierError(e)) return e.failure
  return {
    carrier: row.carrier,
    kind: "network",
    message: (e as Error)?.message ?? String(e),
    status: null,
    outcome_unknown: true,
  }
}

const refusalFailure = (row: LabelRow, message: string): CarrierFailure => ({
  carrier: row.carrier,
  kind: "invalid_request",
  message,
  status: null,
  outcome_unknown: false,
})

const describe = (row: LabelRow) => (row.order_id ? `order ${row.order_id}` : `purchase ${row.idempotency_key}`)

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string; type?: string }
  return err?.code === "23505" || /unique|already exists|duplicate key/i.test(err?.message ?? "")
}
