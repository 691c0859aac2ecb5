import { createHash } from "node:crypto"
import type { LabelFormat, LabelSize, ShipmentRequest, ShippingAddress } from "../../../../lib/shipping/contract"

/**
 * The body of POST /shipments. Shippo takes our units as they are (mass_unit "g",
 * distance_unit "cm"), several parcels per shipment, and a `metadata` string that carries our
 * reference onto the shipment and, on purchase, the transaction.
 */
export function shipmentBody(shipment: ShipmentRequest, extra: { is_return?: boolean } = {}) {
  const body: Record<string, unknown> = {
    address_from: address(shipment.from),
    address_to: address(shipment.to),
    parcels: shipment.parcels.map((p) => ({
      length: String(p.length_cm),
      width: String(p.width_cm),
      height: String(p.height_cm),
      distance_unit: "cm",
      weight: String(p.weight_g),
      mass_unit: "g",
    })),
    metadata: shippoReference(shipment.reference),
    async: false,
  }
  if (extra.is_return) body.extra = { is_return: true }
  if (shipment.customs?.length) body.customs_declaration = customsDeclaration(shipment)
  return body
}

/** Shippo keeps at most 100 characters of metadata; a longer reference is kept as its digest. */
export function shippoReference(reference: string): string {
  return reference.length <= 100 ? reference : `sha256:${createHash("sha256").update(reference).digest("hex")}`
}

/** Shippo's label_file_type for our format and page size. */
export function labelFileType(format: LabelFormat, size: LabelSize): string {
  if (format === "zpl") return "ZPLII"
  if (size === "a4") return "PDF_A4"
  if (size === "letter") return "PDF"
  return "PDF_4x6"
}

function address(a: ShippingAddress) {
  return {
    name: a.name,
    company: a.company ?? undefined,
    street1: a.line1,
    street2: a.line2 ?? undefined,
    city: a.city,
    state: a.province ?? undefined,
    zip: a.postal_code,
    country: a.country_code,
    phone: a.phone ?? undefined,
    email: a.email ?? undefined,
  }
}

function customsDeclaration(shipment: ShipmentRequest) {
  return {
    contents_type: "MERCHANDISE",
    non_delivery_option: "RETURN",
    certify: true,
    certify_signer: shipment.from.name,
    // Shippo's customs item net_weight and value_amount are for all units of the line, as ours are.
    items: (shipment.customs ?? []).map((line) => ({
      description: line.description,
      quantity: line.quantity,
      net_weight: String(line.weight_g),
      mass_unit: "g",
      value_amount: String(line.value),
      value_currency: line.currency_code,
      origin_country: line.origin_country,
      tariff_number: line.hs_code,
    })),
  }
}
