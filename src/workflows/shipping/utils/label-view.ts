import type { LabelRow } from "../../../modules/shipping/types"

/**
 * A ledger row as the API and workflows hand it out: everything but the label files' bytes
 * (served by GET /admin/oms/labels/:id/file) — a 4x6 PDF per parcel would swell every list.
 */
export type LabelView = Omit<LabelRow, "parcels" | "request" | "carrier_data"> & {
  parcels: { tracking_number: string; tracking_url: string | null; format: string; file_url: string }[]
}

export function labelView(row: LabelRow): LabelView {
  const { parcels, request: _request, carrier_data: _data, ...rest } = row
  return {
    ...rest,
    parcels: (parcels ?? []).map((p, k) => ({
      tracking_number: p.tracking_number,
      tracking_url: p.tracking_url,
      format: p.file.format,
      file_url: `/admin/oms/labels/${row.id}/file?parcel=${k}`,
    })),
  }
}
