/**
 * Bins for the demo store, so a newcomer's first pick list walks real aisles instead of
 * saying "No bin" on every stop: every stocked item gets a bin at each warehouse that stocks
 * it. Codes read zone-aisle-shelf-slot (`A-03-2-B`): one zone per product type, one aisle per
 * product, shelves 1-4 and slots A, B for its variants, so the walk sequence the plugin
 * derives from a code (picking.walk_order) is a real walk. Saved through importBinsWorkflow,
 * like an operator's CSV. Only pairs without a bin are added: running it again, or on a
 * store seeded before bins existed, adds what is missing and keeps every bin someone edited.
 */
import { MedusaContainer } from "@medusajs/framework/types"
import { PICKING_MODULE } from "../../src/modules/picking"
import { importBinsWorkflow } from "../../src/workflows/picking"
import { buildCatalog } from "./catalog"
import type { DemoStore } from "./demo-store"
import { DEMO_LOCATIONS } from "./geography"

export type DemoBin = { location: string; sku: string; code: string }

/** The demo bin of every stocked variant at every warehouse that stocks it. */
export function demoBins(): DemoBin[] {
  const catalog = buildCatalog()
  const zones = [...new Set(catalog.map((p) => p.type))]
  const aisleInZone = new Map<string, number>()
  const bins: DemoBin[] = []
  for (const product of catalog) {
    const zone = String.fromCharCode(65 + zones.indexOf(product.type))
    const aisle = (aisleInZone.get(zone) ?? 0) + 1
    aisleInZone.set(zone, aisle)
    product.variants.forEach((variant, i) => {
      const code = `${zone}-${String(aisle).padStart(2, "0")}-${(i % 4) + 1}-${i < 4 ? "A" : "B"}`
      for (const location of DEMO_LOCATIONS) {
        if (variant.stock[location.key] !== undefined) bins.push({ location: location.key, sku: variant.sku, code })
      }
    })
  }
  return bins
}

/** Adds the demo bins that are missing; returns how many it added and how many were there. */
export async function seedDemoBins(container: MedusaContainer, store: DemoStore): Promise<{ added: number; kept: number }> {
  const picking = container.resolve(PICKING_MODULE) as any
  const wanted = demoBins().filter((b) => store.locations[b.location] && store.inventory_items[b.sku])
  const existing: { stock_location_id: string; inventory_item_id: string }[] = await picking.listBins(
    { stock_location_id: Object.values(store.locations) },
    { take: null, select: ["stock_location_id", "inventory_item_id"] }
  )
  const has = new Set(existing.map((b) => `${b.stock_location_id}|${b.inventory_item_id}`))
  const missing = wanted.filter((b) => !has.has(`${store.locations[b.location]}|${store.inventory_items[b.sku]}`))
  if (!missing.length) return { added: 0, kept: wanted.length }

  const csv = ["location,sku,bin,walk_sequence", ...missing.map((b) => `${store.locations[b.location]},${b.sku},${b.code},`)].join("\n")
  const { result } = await importBinsWorkflow(container).run({ input: { csv } })
  if (result.errors.length) {
    throw new Error(`demo bins: ${result.errors.map((e) => `line ${e.line}: ${e.message}`).join("; ")}`)
  }
  return { added: result.imported, kept: wanted.length - missing.length }
}
