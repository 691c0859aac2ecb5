import type { OrderFacts } from "../../rules/condition"
import type { ShippingParcel } from "../contract"
import type { ShipmentFacts } from "./policy"

/** The order's facts with the packed shipment's: its total weight in grams and how many parcels. */
export function shipmentFacts(order: OrderFacts, parcels: ShippingParcel[]): ShipmentFacts {
  return { ...order, weight_g: parcels.reduce((sum, p) => sum + p.weight_g, 0), parcel_count: parcels.length }
}
