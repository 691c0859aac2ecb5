import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { joinZplLabels, mergeLabelPdfs, SheetSize } from "../../../lib/documents/label-sheets"
import type { LabelFormat } from "../../../lib/shipping/contract"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../modules/shipping"
import type { LabelRow } from "../../../modules/shipping/types"
import { buyLabelWorkflow } from "../workflows/buy-label"

/** A packed order of a wave, in pick order (its tote), with its fulfillment and label. */
export type WaveShipment = { order_id: string; tote: number; fulfillment_id: string; label: LabelRow | null }

/** Three batched reads: the wave's lines (for the totes), its packs, the packs' labels. */
export async function waveShipments(container: MedusaContainer, waveId: string): Promise<WaveShipment[]> {
  const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const [wave] = await picking.listWaves({ id: waveId }, { take: 1, select: ["id"] })
  if (!wave) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wave ${waveId} was not found`)
  const lines = (await picking.listWaveLines({ wave_id: waveId }, { take: null, select: ["order_id", "tote"] })) as any[]
  const packs = (await picking.listPacks({ wave_id: waveId }, { take: null, select: ["order_id", "fulfillment_id"] })) as any[]
  const tote = new Map<string, number>()
  for (const l of lines) tote.set(l.order_id, Math.min(tote.get(l.order_id) ?? Infinity, Number(l.tote)))
  const packed = packs.filter((p) => p.fulfillment_id)
  const labels = packed.length
    ? ((await shipping.listLabels(
        { fulfillment_id: packed.map((p) => p.fulfillment_id), kind: "outbound", status: "purchased" },
        { take: null, order: { created_at: "ASC" } }
      )) as unknown as LabelRow[])
    : []
  const labelOf = new Map(labels.map((l) => [l.fulfillment_id, l]))
  return packed
    .map((p) => ({ order_id: p.order_id, tote: tote.get(p.order_id) ?? Infinity, fulfillment_id: p.fulfillment_id, label: labelOf.get(p.fulfillment_id) ?? null }))
    .sort((a, b) => a.tote - b.tote || a.order_id.localeCompare(b.order_id))
}

export type BuyWaveLabelsInput = {
  wave_id: string
  carrier_account_id: string
  service_code?: string | null
  format?: LabelFormat
  size?: "4x6" | "a4" | "letter"
  /** Purchases at once; the account's shared pace still spaces the requests. */
  concurrency?: number
  actor?: string
}

export type BuyWaveLabelsResult = {
  bought: { order_id: string; label_id: string }[]
  already: { order_id: string; label_id: string }[]
  failed: { order_id: string; message: string }[]
}

/**
 * Labels for every packed order of a wave that has none, a few at a time (each through
 * buyLabelWorkflow: the order's lock, the ledger, the account's shared pace), so a wave of
 * hundreds finishes at the carrier's rate limit without 429s. Asking again buys only what is
 * still missing; one order's failure does not stop the others.
 */
export async function buyWaveLabels(container: MedusaContainer, input: BuyWaveLabelsInput): Promise<BuyWaveLabelsResult> {
  const shipments = await waveShipments(container, input.wave_id)
  const result: BuyWaveLabelsResult = { bought: [], already: [], failed: [] }
  const missing = shipments.filter((s) => {
    if (s.label) result.already.push({ order_id: s.order_id, label_id: s.label.id })
    return !s.label
  })
  await eachWithConcurrency(missing, Math.max(1, Math.min(input.concurrency ?? 4, 16)), async (s) => {
    try {
      const { result: bought } = await buyLabelWorkflow(container).run({
        input: {
          order_id: s.order_id,
          fulfillment_id: s.fulfillment_id,
          carrier_account_id: input.carrier_account_id,
          service_code: input.service_code ?? null,
          format: input.format,
          size: input.size,
          actor: input.actor,
        },
      })
      ;(bought.created ? result.bought : result.already).push({ order_id: s.order_id, label_id: bought.label.id })
    } catch (e) {
      result.failed.push({ order_id: s.order_id, message: (e as Error).message })
    }
  })
  return result
}

/** One file with every label of the wave's packed orders, in pick order. */
export async function waveLabelFile(
  container: MedusaContainer,
  waveId: string,
  options: { format: LabelFormat; size: SheetSize }
): Promise<{ file: Buffer; labels: number }> {
  const shipments = await waveShipments(container, waveId)
  const labelled = shipments.filter((s) => s.label)
  if (!labelled.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wave ${waveId} has no packed order with a label yet`)
  }
  const files: Buffer[] = []
  const otherFormat: string[] = []
  const noFile: string[] = []
  for (const s of labelled) {
    for (const parcel of s.label!.parcels ?? []) {
      if (parcel.file.format !== options.format) otherFormat.push(s.order_id)
      else if (!parcel.file.content_base64) noFile.push(s.order_id)
      else files.push(Buffer.from(parcel.file.content_base64, "base64"))
    }
  }
  if (otherFormat.length) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The labels of ${unique(otherFormat).length} order(s) of wave ${waveId} are not ${options.format.toUpperCase()} (${unique(otherFormat).join(", ")}); print them as ${options.format === "pdf" ? "ZPL" : "PDF"}`
    )
  }
  if (noFile.length) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `The carrier kept the label files of ${unique(noFile).join(", ")}; open them from the order`)
  }
  const file = options.format === "zpl" ? joinZplLabels(files) : await mergeLabelPdfs(files, options.size)
  return { file, labels: files.length }
}

const unique = (xs: string[]) => [...new Set(xs)]

async function eachWithConcurrency<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(runners)
}
