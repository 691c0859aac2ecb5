import type { LabelFormat, ShipmentRequest, ShippingAddress } from "../../../../lib/shipping/contract"
import { CarrierError } from "../../../../lib/shipping/errors"
import type { EasyPostAddress } from "./types"
import { cmToInches, gramsToOunces } from "./units"

/**
 * The body of POST /shipments. EasyPost rates one parcel per shipment (several parcels go
 * through its Order API, which this adapter does not use), so a request with more parcels is
 * refused before anything is sent. `reference` carries our ledger key so a purchase whose
 * answer was lost can be found again (GET /shipments/{reference}).
 */
export function shipmentBody(
  shipment: ShipmentRequest,
  extra: { is_return?: boolean; label_format?: LabelFormat } = {}
): { shipment: Record<string, unknown> } {
  if (shipment.parcels.length !== 1) {
    throw CarrierError.of(
      "easypost",
      "invalid_request",
      `EasyPost labels one parcel per shipment; this shipment has ${shipment.parcels.length}. Buy one label per parcel`
    )
  }
  const [parcel] = shipment.parcels
  const options: Record<string, unknown> = {}
  if (extra.label_format) options.label_format = extra.label_format === "pdf" ? "PDF" : "ZPL"
  if (shipment.currency_code) options.currency = shipment.currency_code
  const body: Record<string, unknown> = {
    reference: shipment.reference,
    from_address: address(shipment.from),
    to_address: address(shipment.to),
    parcel: {
      weight: gramsToOunces(parcel.weight_g),
      length: cmToInches(parcel.length_cm),
      width: cmToInches(parcel.width_cm),
      height: cmToInches(parcel.height_cm),
    },
    options,
  }
  if (extra.is_return) body.is_return = true
  if (shipment.customs?.length) body.customs_info = customsInfo(shipment)
  return { shipment: body }
}

function address(a: ShippingAddress): EasyPostAddress {
  return {
    name: a.name,
    company: a.company ?? null,
    street1: a.line1,
    street2: a.line2 ?? null,
    city: a.city,
    state: a.province ?? null,
    zip: a.postal_code,
    country: a.country_code,
    phone: a.phone ?? null,
    email: a.email ?? null,
  }
}

function customsInfo(shipment: ShipmentRequest) {
  return {
    contents_type: "merchandise",
    customs_certify: true,
    customs_signer: shipment.from.name,
    non_delivery_option: "return",
    restriction_type: "none",
    // EasyPost's customs item value and weight are for all units of the line, as ours are.
    customs_items: (shipment.customs ?? []).map((line) => ({
      description: line.description,
      quantity: line.quantity,
      value: line.value,
      currency: line.currency_code,
      weight: gramsToOunces(line.weight_g),
      hs_tariff_number: line.hs_code,
      origin_country: line.origin_country,
    })),
  }
}
