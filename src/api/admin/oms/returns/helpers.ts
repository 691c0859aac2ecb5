import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminReturnScanResponse, ReturnCaseView, ReturnStatus } from "../../../../types/returns"
import { readCase, returnsService } from "../../../../workflows/returns/utils/case-record"
import { CASE_RELATIONS, caseView } from "../../../../workflows/returns/utils/case-view"

type Scope = { resolve: MedusaContainer["resolve"] }

const likeOf = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** The queue: by status, matching `q` (RMA code, order number, e-mail), oldest request first. */
export async function listReturnQueue(
  scope: Scope,
  input: { status?: ReturnStatus | ReturnStatus[]; q?: string; order: "requested_at" | "-requested_at"; limit: number; offset: number }
): Promise<{ returns: ReturnCaseView[]; count: number }> {
  const filters: Record<string, unknown> = {}
  if (input.status) filters.status = Array.isArray(input.status) ? input.status : [input.status]
  if (input.q) {
    const text = input.q.replace(/^#/, "")
    const or: Record<string, unknown>[] = [{ rma_code: { $ilike: likeOf(text) } }, { email: { $ilike: likeOf(text) } }]
    if (/^\d{1,9}$/.test(text)) or.push({ order_display_id: Number(text) })
    filters.$or = or
  }
  const direction = input.order === "requested_at" ? "ASC" : "DESC"
  const [rows, count] = await returnsService(scope).listAndCountReturnCases(filters, {
    relations: CASE_RELATIONS,
    order: { requested_at: direction, id: direction },
    take: input.limit,
    skip: input.offset,
  })
  const now = new Date()
  return { returns: rows.map((r) => caseView(r, now)), count }
}

/**
 * The case a scanned code names: the RMA code on the slip (case-insensitive, with or without
 * its "R-") or a tracking
 * number of its return parcel. A live case wins over a canceled one with the same tracking.
 */
export async function lookupReturnCase(scope: Scope, code: string): Promise<ReturnCaseView> {
  const text = code.trim()
  const upper = text.toUpperCase()
  // Typed by hand, the "R-" of the slip's code is often left out.
  const codes = upper.startsWith("R-") ? [upper] : [upper, `R-${upper}`]
  const rows = await returnsService(scope).listReturnCases(
    { $or: [{ rma_code: codes }, { tracking_number: { $ilike: text.replace(/[\\%_]/g, (c) => `\\${c}`) } }] },
    { relations: CASE_RELATIONS, order: { requested_at: "DESC" }, take: 10 }
  )
  const row = rows.find((r) => r.status !== "canceled") ?? rows[0]
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No return has the RMA code or tracking number '${text}'`)
  }
  return caseView(row)
}

/** One case for the API; 404 when the id is unknown. */
export async function getReturnCaseView(scope: Scope, id: string): Promise<ReturnCaseView> {
  return caseView(await readCase(scope, id))
}

/**
 * Is the scanned item part of this return? Matched against each line's SKU and barcode
 * (case-insensitive), variant id and inventory item id. Nothing is written: the station keeps
 * the tally and sends the grades with the inspection.
 */
export function scanAgainstCase(view: ReturnCaseView, code: string): AdminReturnScanResponse {
  const wanted = code.trim()
  const same = (value: string | null) => !!value && value.toLowerCase() === wanted.toLowerCase()
  const line = view.lines.find((l) => same(l.sku) || same(l.barcode) || l.variant_id === wanted || l.inventory_item_id === wanted)
  if (!line) {
    return { match: false, return_line_id: null, message: `${wanted} is not in return ${view.rma_code}: set it aside as a wrong item` }
  }
  const name = line.sku ?? line.title
  if (line.keep_it) {
    return {
      match: false,
      return_line_id: null,
      message: `${name} is a keep-it line of return ${view.rma_code}: the customer keeps it, so it should not be in the parcel; set it aside as a wrong item`,
    }
  }
  const graded = view.inspections.filter((i) => i.return_line_id === line.id).reduce((n, i) => n + i.quantity, 0)
  const remaining = Math.max(0, line.quantity - graded)
  return {
    match: true,
    return_line_id: line.id,
    sku: line.sku,
    title: line.title,
    remaining,
    message: `${name} (${line.title}) is in return ${view.rma_code}: ${line.quantity} unit${line.quantity === 1 ? "" : "s"} expected`,
  }
}
