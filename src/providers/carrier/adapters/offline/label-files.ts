import { renderShippingLabelPdf, renderShippingLabelZpl, type ShippingLabelContent } from "../../../../lib/documents"
import type { BuyRequest, LabelFile } from "../../../../lib/shipping/contract"

/** One label file per parcel, in the format and on the page the request asks for. */
export async function renderParcelLabels(
  request: BuyRequest,
  trackingNumbers: string[],
  meta: { service_name: string; carrier_name: string; shipped_at: Date; is_return: boolean }
): Promise<LabelFile[]> {
  const { shipment } = request
  return Promise.all(
    shipment.parcels.map(async (parcel, i) => {
      const content: ShippingLabelContent = {
        carrier_name: meta.carrier_name,
        service_name: meta.service_name,
        tracking_number: trackingNumbers[i],
        from: shipment.from,
        to: shipment.to,
        weight_g: parcel.weight_g,
        reference: shipment.reference,
        parcel_number: i + 1,
        parcel_count: shipment.parcels.length,
        shipped_at: meta.shipped_at.toISOString(),
        is_return: meta.is_return,
      }
      const bytes =
        request.format === "zpl"
          ? Buffer.from(renderShippingLabelZpl([content]), "utf8")
          : await renderShippingLabelPdf([content], { size: request.size })
      return { format: request.format, content_base64: bytes.toString("base64"), url: null }
    })
  )
}
