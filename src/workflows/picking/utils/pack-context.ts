import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { Parcel, parcelFromItems } from "../../../lib/picking"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { orderWaveStatus, OrderWaveStatus, packableUnits } from "./order-status"
import { loadWaveLines, loadWaveRow, WaveLineRecord, WaveRecord } from "./wave-records"

export type PackItem = {
  line_item_id: string
  sku: string | null
  barcode: string | null
  title: string
  variant_title: string | null
  quantity: number
  weight: number | null
  length: number | null
  width: number | null
  height: number | null
}

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

const num = (v: unknown) => (v === null || v === undefined || v === "" ? null : Number(v))

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
  const items = new Map<string, any>(((order?.items ?? []) as any[]).filter(Boolean).map((i) => [i.id, i]))
  const variantIds = [...new Set(lines.map((l) => l.variant_id).filter(Boolean))] as string[]
  const { data: variants } = variantIds.length
    ? await query.graph({
        entity: "product_variant",
        fields: ["id", "weight", "length", "width", "height"],
        filters: { id: variantIds },
      })
    : { data: [] as any[] }
  const variantById = new Map((variants as any[]).map((v) => [v.id, v]))

  // Once packed, the parcel holds what was packed; before, what is picked and still owed.
  const units = pack
    ? new Map(((pack.items as unknown as { line_item_id: string; quantity: number }[]) ?? []).map((i) => [i.line_item_id, i.quantity]))
    : packableUnits(lines)
  const packItems: PackItem[] = []
  for (const [lineItemId, quantity] of units) {
    const item = items.get(lineItemId)
    const variant = variantById.get(item?.variant_id)
    packItems.push({
      line_item_id: lineItemId,
      sku: item?.variant_sku ?? null,
      barcode: item?.variant_barcode ?? null,
      title: item?.product_title ?? item?.title ?? "",
      variant_title: item?.variant_title ?? null,
      quantity,
      weight: num(variant?.weight),
      length: num(variant?.length),
      width: num(variant?.width),
      height: num(variant?.height),
    })
  }
  packItems.sort((a, b) => (a.sku ?? "").localeCompare(b.sku ?? "") || a.line_item_id.localeCompare(b.line_item_id))

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
