import type { ReturnCaseView, ReturnInspectionView, ReturnLineView, StoreReturnCaseView } from "../../../types/returns"

/**
 * One return case row (read with its `lines` and `inspections` relations) as every API shows
 * it. Rows come from the returns module's `listReturnCases(..., { relations: ["lines",
 * "inspections"] })`; the queue's age is counted here so every reader agrees.
 */
export function caseView(row: any, now: Date = new Date()): ReturnCaseView {
  const requested = new Date(row.requested_at)
  const lines: ReturnLineView[] = (row.lines ?? [])
    .map((l: any) => ({
      id: l.id,
      order_line_item_id: l.order_line_item_id,
      variant_id: l.variant_id ?? null,
      inventory_item_id: l.inventory_item_id ?? null,
      sku: l.sku ?? null,
      barcode: l.barcode ?? null,
      title: l.title,
      quantity: Number(l.quantity),
      unit_refund: Number(l.unit_refund),
      reason_id: l.reason_id ?? null,
      reason_value: l.reason_value ?? null,
      note: l.note ?? null,
      photo_urls: l.photo_urls ?? [],
      keep_it: Boolean(l.keep_it),
      destination_location_id: l.destination_location_id ?? null,
      destination_sentence: l.destination_sentence ?? null,
    }))
    .sort((a: ReturnLineView, b: ReturnLineView) => a.id.localeCompare(b.id))
  const inspections: ReturnInspectionView[] = (row.inspections ?? [])
    .map((i: any) => ({
      id: i.id,
      return_line_id: i.return_line_id ?? null,
      scanned_code: i.scanned_code ?? null,
      grade: i.grade,
      quantity: Number(i.quantity),
      disposition: i.disposition,
      location_id: i.location_id ?? null,
      note: i.note ?? null,
      inspected_by: i.inspected_by ?? null,
      created_at: i.created_at,
    }))
    .sort((a: ReturnInspectionView, b: ReturnInspectionView) => a.id.localeCompare(b.id))
  return {
    id: row.id,
    rma_code: row.rma_code,
    order_id: row.order_id,
    order_display_id: row.order_display_id ?? null,
    return_id: row.return_id ?? null,
    customer_id: row.customer_id ?? null,
    email: row.email ?? null,
    currency_code: row.currency_code,
    status: row.status,
    source: row.source,
    method: row.method,
    resolution: row.resolution,
    policy_id: row.policy_id ?? null,
    terms: row.terms,
    label_id: row.label_id ?? null,
    tracking_number: row.tracking_number ?? null,
    exchange_items: row.exchange_items ?? null,
    exchange_id: row.exchange_id ?? null,
    expected_refund: row.expected_refund === null || row.expected_refund === undefined ? null : Number(row.expected_refund),
    breakdown: row.breakdown ?? null,
    resolution_status: row.resolution_status,
    resolution_result: row.resolution_result ?? null,
    resolution_error: row.resolution_error ?? null,
    note: row.note ?? null,
    requested_at: row.requested_at,
    received_at: row.received_at ?? null,
    inspected_at: row.inspected_at ?? null,
    resolved_at: row.resolved_at ?? null,
    canceled_at: row.canceled_at ?? null,
    age_hours: Math.max(0, Math.round(((now.getTime() - requested.getTime()) / 3_600_000) * 10) / 10),
    lines,
    inspections,
  }
}

/** What the customer sees of their return: no internal notes, inspector names or terms. */
export function storeCaseView(row: any): StoreReturnCaseView {
  const view = caseView(row)
  return {
    id: view.id,
    rma_code: view.rma_code,
    order_id: view.order_id,
    status: view.status,
    method: view.method,
    resolution: view.resolution,
    tracking_number: view.tracking_number,
    expected_refund: view.expected_refund,
    requested_at: view.requested_at,
    resolved_at: view.resolved_at,
    lines: view.lines.map((l) => ({
      id: l.id,
      order_line_item_id: l.order_line_item_id,
      title: l.title,
      sku: l.sku,
      quantity: l.quantity,
      reason_value: l.reason_value,
    })),
    slip_url: `/store/oms/returns/${view.id}/slip`,
    label_url: view.label_id ? `/store/oms/returns/${view.id}/label` : null,
  }
}

/** Relations every case reader loads. */
export const CASE_RELATIONS = ["lines", "inspections"]
