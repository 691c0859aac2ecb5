import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { Parcel, parcelFromItems, orderWaveStatus, OrderWaveStatus, packableUnits, packBenchItems, type PackBenchItem } from "../../../lib/picking"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { loadWaveLines, loadWaveRow, WaveLineRecord, WaveRecord } from "./wave-records"

/** One line on the packing bench (see packBenchItems). */
export type PackItem = PackBenchItem

export type PackContext = {
  wave: WaveRecord
  location_name: string
  order_id: string
  display_id: number
  tote: number
  lines: WaveLineRecord[]
  status: OrderWaveStatus
  /** What can go into the parcel now: picked units the order still has at this location. */
  items: PackItem[]
  parcel: Parcel
  pack: { id: string; status: "packed"; fulfillment_id: string | null; parcel: Parcel | null } | null
  shipping_address: Record<string, unknown> | null
}

/**
 * One order of a wave as the packing bench sees it, in three rounds of queries: the wave, the
 * order's lines in it and its pack; the order (line snapshots, shipping address) and the
 * location; the variants' weight and dimensions. 404 when the order is not in the wave.
 */
export async function loadPackContext(container: MedusaContainer, waveId: string, orderId: string): Promise<PackContext> {
  const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [wave, lines, [pack]] = await Promise.all([
    loadWaveRow(picking, waveId),
    loadWaveLines(picking, waveId, { order_id: orderId }),
    picking.listPacks({ wave_id: waveId, order_id: orderId }),
  ])
  if (!lines.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} is not in wave ${waveId}`)
  }
  const [{ data: orders }, { data: locations }] = await Promise.all([
    query.graph({
      entity: "order",
      fields: ["id", "display_id", "items.*", "shipping_address.*"],
      filters: { id: orderId },
    }),
    query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: wave.stock_location_id } }),
  ])
  const order = orders[0] as any
  const variantIds = [...new Set(lines.map((l) => l.variant_id).filter(Boolean))] as string[]
  const { data: variants } = variantIds.length
    ? await query.graph({
        entity: "product_variant",
        fields: ["id", "weight", "length", "width", "height"],
        filters: { id: variantIds },
      })
    : { data: [] as any[] }

  // Once packed, the parcel holds what was packed; before, what is picked and still owed.
  const units = pack
    ? new Map(((pack.items as unknown as { line_item_id: string; quantity: number }[]) ?? []).map((i) => [i.line_item_id, i.quantity]))
    : packableUnits(lines)
  const packItems = packBenchItems(units, ((order?.items ?? []) as any[]).filter(Boolean), variants as any[])

  return {
    wave,
    location_name: (locations[0] as any)?.name ?? wave.stock_location_id,
    order_id: orderId,
    display_id: Number(order?.display_id ?? 0),
    tote: lines[0].tote,
    lines,
    status: orderWaveStatus(lines, !!pack),
    items: packItems,
    parcel: parcelFromItems(packItems),
    pack: pack
      ? {
          id: pack.id,
          status: "packed",
          fulfillment_id: pack.fulfillment_id ?? null,
          parcel: (pack.parcel as unknown as Parcel) ?? null,
        }
      : null,
    shipping_address: order?.shipping_address ?? null,
  }
}
