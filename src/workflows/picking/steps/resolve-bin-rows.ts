import { IInventoryService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BinCsvError, parseBinsCsv, type BinUpsert } from "../../../lib/picking"

export const resolveBinRowsStepId = "oms-resolve-bin-rows"

export type ResolvedBinRows = { rows: (BinUpsert & { line: number })[]; errors: BinCsvError[] }

/**
 * Reads a bins CSV (pure parser) and resolves each row's location (by id or name) and SKU
 * (to its inventory item) in two queries, whatever the file's length. Rows that cannot be
 * resolved are reported by their file line; the others go on. Read-only.
 */
export const resolveBinRowsStep = createStep(resolveBinRowsStepId, async (input: { csv: string }, { container }) => {
  const parsed = parseBinsCsv(input.csv)
  const errors: BinCsvError[] = [...parsed.errors]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  const skus = [...new Set(parsed.rows.map((r) => r.sku))]
  const [{ data: locations }, items] = await Promise.all([
    // Stock locations are few; reading them all lets a row name one by id or by name.
    query.graph({ entity: "stock_location", fields: ["id", "name"] }),
    skus.length ? inventory.listInventoryItems({ sku: skus }, { select: ["id", "sku"], take: null }) : Promise.resolve([]),
  ])
  const byId = new Map((locations as { id: string; name: string }[]).map((l) => [l.id, l]))
  const byName = new Map<string, { id: string; name: string }[]>()
  for (const l of locations as { id: string; name: string }[]) {
    const k = l.name.trim().toLowerCase()
    byName.set(k, [...(byName.get(k) ?? []), l])
  }
  const itemBySku = new Map(items.map((i) => [i.sku as string, i.id]))

  const rows: ResolvedBinRows["rows"] = []
  for (const row of parsed.rows) {
    const named = byName.get(row.location.trim().toLowerCase()) ?? []
    const location = byId.get(row.location) ?? (named.length === 1 ? named[0] : undefined)
    const problems: string[] = []
    if (!location) {
      problems.push(
        named.length > 1
          ? `location "${row.location}" names ${named.length} stock locations; give the stock location id instead`
          : `location "${row.location}" is not a stock location id or name`
      )
    }
    const inventoryItemId = itemBySku.get(row.sku)
    if (!inventoryItemId) problems.push(`sku "${row.sku}" is not the SKU of any inventory item`)
    if (problems.length) {
      errors.push({ line: row.line, message: problems.join("; ") })
      continue
    }
    rows.push({
      line: row.line,
      stock_location_id: location!.id,
      inventory_item_id: inventoryItemId!,
      code: row.bin,
      walk_sequence: row.walk_sequence,
    })
  }
  errors.sort((a, b) => a.line - b.line)
  return new StepResponse<ResolvedBinRows>({ rows, errors })
})
