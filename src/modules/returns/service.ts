import { createHash, randomBytes } from "crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { OmsOptions, parseOmsOptions } from "../../lib/config/options"
import { ReturnPolicy } from "./models/return-policy"
import { ReturnCase } from "./models/return-case"
import { ReturnLine } from "./models/return-line"
import { ReturnInspection } from "./models/return-inspection"
import { StoreCreditEntry } from "./models/store-credit-entry"
import { ReturnGuestToken } from "./models/guest-token"
import { rate, roundHours, StatsRange } from "../../lib/returns/stats"
import type { AdminReturnStatsResponse } from "../../types/returns"
import { RESOLUTION_HOURS_SQL, RETURNS_BY_LOCATION_SQL, RETURNS_BY_PRODUCT_SQL, RETURNS_BY_REASON_SQL } from "./queries/return-stats"
import { parseReturnPolicy } from "../../lib/returns/schema"
import type { ReturnPolicy as ReturnPolicyData } from "../../lib/returns/types"

type Sql = { execute: (sql: string, params: unknown[]) => Promise<any[]> }
const sql = (sharedContext: Context) => sharedContext.manager as unknown as Sql

/** Letters and digits a person reads off a slip without confusing them (no 0/O, 1/I/L). */
const RMA_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

/**
 * Return policies, return cases (RMAs) with their lines and inspection entries, the
 * store-credit ledger and guest tokens. Generated CRUD plus the few operations whose
 * invariant lives in the database (one resolution per case, one ledger entry per key).
 * Sections below are owned by the part of the capability that uses them.
 */
class ReturnsModuleService extends MedusaService({
  ReturnPolicy,
  ReturnCase,
  ReturnLine,
  ReturnInspection,
  StoreCreditEntry,
  ReturnGuestToken,
}) {
  protected readonly omsOptions_: OmsOptions

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.omsOptions_ = parseOmsOptions(options ?? {})
  }

  getOmsOptions(): OmsOptions {
    return this.omsOptions_
  }

  /** A fresh RMA code such as "R-7K3P9QXM": printed on the slip, scanned at the station. */
  newRmaCode(): string {
    const bytes = randomBytes(8)
    let code = ""
    for (const b of bytes) code += RMA_ALPHABET[b % RMA_ALPHABET.length]
    return `R-${code}`
  }

  // ---- guest tokens (store API) -----------------------------------------------------------

  /** A token proving ownership of one order for `minutes`; only its hash is stored. */
  async issueGuestToken(orderId: string, email: string, minutes: number): Promise<{ token: string; expires_at: Date }> {
    const token = randomBytes(24).toString("base64url")
    const expires_at = new Date(Date.now() + minutes * 60_000)
    await this.createReturnGuestTokens({ token_hash: hashToken(token), order_id: orderId, email, expires_at })
    return { token, expires_at }
  }

  /** The order a live token proves, or null (unknown or expired). */
  async orderForGuestToken(token: string | undefined | null): Promise<{ order_id: string; email: string } | null> {
    if (!token) return null
    const [row] = await this.listReturnGuestTokens({ token_hash: hashToken(token) }, { take: 1 })
    if (!row || new Date(row.expires_at).getTime() <= Date.now()) return null
    return { order_id: row.order_id, email: row.email }
  }

  // ---- resolution (exactly once) ----------------------------------------------------------

  /**
   * Claims the right to release a case's money or goods: true for exactly one caller, however
   * many ask at once (a conditional update the database serialises; the unique
   * resolution_key backs it up).
   */
  @InjectManager()
  async claimResolution(caseId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const rows = await sql(sharedContext).execute(
      `UPDATE oms_return_case
          SET resolution_key = ?, resolution_status = 'pending', updated_at = now()
        WHERE id = ? AND resolution_key IS NULL AND deleted_at IS NULL
      RETURNING id`,
      [`resolve:${caseId}`, caseId]
    )
    return rows.length === 1
  }

  /**
   * A failed resolution may run again: true for exactly one caller, like claimResolution. The
   * key stays; what the first run already did (refunds, ledger entries, credit lines) is found
   * again by the run itself, so nothing is paid twice. A `pending` one is taken too: the caller
   * holds the order lock, which every run holds from claim to finish, so a pending case under
   * it has no live run (its process died mid-way).
   */
  @InjectManager()
  async reclaimFailedResolution(caseId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const rows = await sql(sharedContext).execute(
      `UPDATE oms_return_case
          SET resolution_status = 'pending', resolution_error = NULL, updated_at = now()
        WHERE id = ? AND resolution_status IN ('failed', 'pending') AND status = 'inspected' AND deleted_at IS NULL
      RETURNING id`,
      [caseId]
    )
    return rows.length === 1
  }

  /** Marks a running resolution failed with a sentence (only while it is pending: the runner's). */
  @InjectManager()
  async markResolutionFailed(caseId: string, error: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE oms_return_case
          SET resolution_status = 'failed', resolution_error = ?, updated_at = now()
        WHERE id = ? AND resolution_status = 'pending' AND deleted_at IS NULL`,
      [error, caseId]
    )
  }

  // ---- store credit -----------------------------------------------------------------------

  /** A customer's balance in one currency: the sum of the ledger (one aggregate query). */
  @InjectManager()
  async storeCreditBalance(customerId: string, currencyCode: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const [row] = await sql(sharedContext).execute(
      `SELECT COALESCE(SUM(amount), 0)::float AS balance
         FROM oms_store_credit_entry
        WHERE customer_id = ? AND currency_code = ? AND deleted_at IS NULL`,
      [customerId, currencyCode.toLowerCase()]
    )
    return roundMoney(Number(row?.balance ?? 0))
  }

  /**
   * Writes one ledger entry unless its idempotency key is already there; answers the entry
   * either way (`created` false for a repeat). The unique index backs the check up.
   */
  async recordStoreCredit(entry: {
    customer_id: string
    currency_code: string
    amount: number
    kind: "issue" | "spend" | "release" | "adjust"
    idempotency_key: string
    reference_type?: string | null
    reference_id?: string | null
    note?: string | null
  }): Promise<{ entry: any; created: boolean }> {
    const [existing] = await this.listStoreCreditEntries({ idempotency_key: entry.idempotency_key }, { take: 1 })
    if (existing) return { entry: existing, created: false }
    const created = await this.createStoreCreditEntries({
      ...entry,
      currency_code: entry.currency_code.toLowerCase(),
      amount: roundMoney(entry.amount),
    })
    return { entry: created, created: true }
  }

  /** Every balance of a customer, one row per currency (one aggregate query). */
  @InjectManager()
  async storeCreditBalances(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<{ currency_code: string; balance: number }[]> {
    const rows = await sql(sharedContext).execute(
      `SELECT currency_code, COALESCE(SUM(amount), 0)::float AS balance
         FROM oms_store_credit_entry
        WHERE customer_id = ? AND deleted_at IS NULL
        GROUP BY currency_code
        ORDER BY currency_code`,
      [customerId]
    )
    return rows.map((r) => ({ currency_code: r.currency_code, balance: roundMoney(Number(r.balance)) }))
  }

  // ---- policy -----------------------------------------------------------------------------

  /**
   * The active policies in the order eligibility considers them (priority, then id), parsed:
   * a malformed stored row throws an error naming the row and the field rather than being
   * read as a different policy.
   */
  async activePolicies(): Promise<ReturnPolicyData[]> {
    const rows = await this.listReturnPolicies({ active: true }, { order: { priority: "ASC", id: "ASC" }, take: null })
    return rows.map((row) => parseReturnPolicy(row))
  }

  // ---- requests (store and admin) ---------------------------------------------------------

  // ---- receiving and inspection -----------------------------------------------------------

  // ---- numbers (Returns page) -------------------------------------------------------------

  /** Returned cases and units per reason value over every unit fulfilled in the range: one query. */
  @InjectManager()
  async returnRateByReason(range: StatsRange, @MedusaContext() sharedContext: Context = {}): Promise<AdminReturnStatsResponse["by_reason"]> {
    const rows = await sql(sharedContext).execute(RETURNS_BY_REASON_SQL, rangeParams(range, 2))
    return rows.map((r) => ({
      reason_value: r.reason_value ?? null,
      returns: Number(r.returns),
      units: Number(r.units),
      rate: rate(Number(r.units), Number(r.fulfilled_units)),
    }))
  }

  /** Returned units over sold units per product and SKU (the 100 most returned): one query. */
  @InjectManager()
  async returnRateByProduct(range: StatsRange, @MedusaContext() sharedContext: Context = {}): Promise<AdminReturnStatsResponse["by_product"]> {
    const rows = await sql(sharedContext).execute(RETURNS_BY_PRODUCT_SQL, rangeParams(range, 2))
    return rows.map((r) => ({
      product_id: r.product_id ?? null,
      sku: r.sku ?? null,
      title: r.title,
      units: Number(r.units),
      sold_units: Number(r.sold_units),
      rate: rate(Number(r.units), Number(r.sold_units)),
    }))
  }

  /** Units returned to each location over units shipped from it: one query. */
  @InjectManager()
  async returnRateByLocation(range: StatsRange, @MedusaContext() sharedContext: Context = {}): Promise<AdminReturnStatsResponse["by_location"]> {
    const rows = await sql(sharedContext).execute(RETURNS_BY_LOCATION_SQL, rangeParams(range, 2))
    return rows.map((r) => ({
      location_id: r.location_id ?? null,
      units: Number(r.units),
      shipped_units: Number(r.shipped_units),
      rate: rate(Number(r.units), Number(r.shipped_units)),
    }))
  }

  /** Request-to-resolution hours (p50, p90) of the cases resolved in the range: one query. */
  @InjectManager()
  async resolutionHours(range: StatsRange, @MedusaContext() sharedContext: Context = {}): Promise<AdminReturnStatsResponse["resolution_hours"]> {
    const [row] = await sql(sharedContext).execute(RESOLUTION_HOURS_SQL, rangeParams(range, 1))
    return { count: Number(row?.count ?? 0), p50: roundHours(row?.p50), p90: roundHours(row?.p90) }
  }
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex")
const roundMoney = (n: number) => Math.round(n * 100) / 100
/** The range as each stats statement takes it: (from, to) repeated once per range test. */
const rangeParams = (range: StatsRange, times: number) =>
  Array.from({ length: times }, () => [range.from.toISOString(), range.to.toISOString()]).flat()

export default ReturnsModuleService
