import { BigNumber, deepFlatMap, MathBN, MedusaError } from "@medusajs/framework/utils"

/*
 * Medusa's prepareConfirmInventoryInput (core-flows 2.21.2,
 * cart/utils/prepare-confirm-inventory-input, not exported), rewritten with the same
 * behaviour: it maps order lines to the inventory items to reserve, with the same errors
 * (a variant with no inventory item; a sales channel with no location for a variant that
 * does not allow backorders). `location_ids` is core's choice list; our reservation step
 * only uses it as the last resort for backordered units.
 */

export type ConfirmInventoryItem = {
  /** The order line item id. */
  id: string
  inventory_item_id: string
  required_quantity: number
  allow_backorder: boolean
  quantity: number
  location_ids: string[]
}

export type ConfirmInventoryPreparationInput = {
  input: {
    sales_channel_id?: string | null
    variants: any[]
    items: { id?: string; variant_id?: string | null; quantity: any; allow_backorder?: boolean }[]
    itemsToUpdate?: any[]
  }
}

export function prepareConfirmInventoryInput(data: ConfirmInventoryPreparationInput): { items: ConfirmInventoryItem[] } {
  const productVariantInventoryItems = new Map<string, { variant_id: string; inventory_item_id: string; required_quantity: number }>()
  const stockLocationIds = new Set<string>()
  const allVariants = new Map<string, { id: string; manage_inventory: boolean; allow_backorder: boolean }>()
  const mapLocationAvailability = new Map<string, Map<string, BigNumber>>()
  const variantsWithLocationForChannel = new Set<string>()
  let hasManagedInventory = false
  const salesChannelId = data.input.sales_channel_id

  // An item may opt into backorder on its own (e.g. a draft order line added out of stock).
  const itemBackorderVariantIds = new Set(
    (data.input.items ?? []).filter((item) => item.allow_backorder && item.variant_id).map((item) => item.variant_id!)
  )

  for (const updateItem of data.input.itemsToUpdate ?? []) {
    const updateItem_ = "data" in updateItem ? updateItem.data : updateItem
    const item = data.input.items.find((item) => item.variant_id === updateItem_.variant_id)
    if (item && updateItem_.quantity) item.quantity = updateItem_.quantity
  }

  deepFlatMap(
    data.input,
    "variants.inventory_items.inventory.location_levels.stock_locations.sales_channels",
    ({ variants, inventory_items, location_levels, stock_locations, sales_channels }: any) => {
      if (!variants) return
      if (salesChannelId && sales_channels?.id === salesChannelId) variantsWithLocationForChannel.add(variants.id)

      if (location_levels && inventory_items) {
        const availability = MathBN.sub(
          location_levels.raw_stocked_quantity ?? location_levels.stocked_quantity ?? 0,
          location_levels.raw_reserved_quantity ?? location_levels.reserved_quantity ?? 0
        )
        if (!mapLocationAvailability.has(location_levels.location_id)) {
          mapLocationAvailability.set(location_levels.location_id, new Map())
        }
        mapLocationAvailability.get(location_levels.location_id)!.set(inventory_items.inventory_item_id, new BigNumber(availability))
      }

      if (stock_locations && sales_channels?.id === salesChannelId) stockLocationIds.add(stock_locations.id)

      if (inventory_items) {
        const inventoryItemId = inventory_items.inventory_item_id
        const mapKey = `${inventoryItemId}-${inventory_items.variant_id}`
        if (!productVariantInventoryItems.has(mapKey)) {
          productVariantInventoryItems.set(mapKey, {
            variant_id: inventory_items.variant_id,
            inventory_item_id: inventoryItemId,
            required_quantity: inventory_items.required_quantity,
          })
        }
      }

      if (!allVariants.has(variants.id)) {
        if (!hasManagedInventory && variants.manage_inventory) hasManagedInventory = true
        allVariants.set(variants.id, {
          id: variants.id,
          manage_inventory: variants.manage_inventory,
          allow_backorder: variants.allow_backorder,
        })
      }
    }
  )

  if (!hasManagedInventory) return { items: [] }

  if (salesChannelId) {
    for (const variant of allVariants.values()) {
      if (
        variant.manage_inventory &&
        !variantsWithLocationForChannel.has(variant.id) &&
        !variant.allow_backorder &&
        !itemBackorderVariantIds.has(variant.id)
      ) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Sales channel ${salesChannelId} is not associated with any stock location for variant ${variant.id}.`
        )
      }
    }
  }

  const items = formatInventoryInput({
    product_variant_inventory_items: Array.from(productVariantInventoryItems.values()),
    location_ids: Array.from(stockLocationIds),
    stockAvailability: mapLocationAvailability,
    items: data.input.items,
    variants: Array.from(allVariants.values()),
  })
  return { items }
}

function formatInventoryInput({
  product_variant_inventory_items,
  location_ids,
  items,
  stockAvailability,
  variants,
}: {
  product_variant_inventory_items: { variant_id: string; inventory_item_id: string; required_quantity: number }[]
  location_ids: string[]
  items: ConfirmInventoryPreparationInput["input"]["items"]
  stockAvailability: Map<string, Map<string, BigNumber>>
  variants: { id: string; manage_inventory: boolean; allow_backorder: boolean }[]
}): ConfirmInventoryItem[] {
  if (!product_variant_inventory_items.length) return []
  const variantsMap = new Map(variants.map((v) => [v.id, v]))
  const itemsToConfirm: ConfirmInventoryItem[] = []

  items.forEach((item) => {
    const variant = variantsMap.get(item.variant_id!)
    if (!variant?.manage_inventory) return
    const variantInventoryItems = product_variant_inventory_items.filter((i) => i.variant_id === item.variant_id)
    if (!variantInventoryItems.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Variant ${item.variant_id} does not have any inventory items associated with it.`
      )
    }
    variantInventoryItems.forEach((variantInventoryItem) => {
      const locationsWithAvailability = location_ids.filter((locId) =>
        MathBN.gte(
          stockAvailability.get(locId)?.get(variantInventoryItem.inventory_item_id) ?? 0,
          MathBN.mult(variantInventoryItem.required_quantity, item.quantity)
        )
      )
      const locationsWithLevel = location_ids.filter((locId) =>
        stockAvailability.get(locId)?.has(variantInventoryItem.inventory_item_id)
      )
      itemsToConfirm.push({
        id: item.id!,
        inventory_item_id: variantInventoryItem.inventory_item_id,
        required_quantity: variantInventoryItem.required_quantity,
        allow_backorder: !!variant.allow_backorder || !!item.allow_backorder,
        quantity: item.quantity,
        location_ids: locationsWithAvailability.length
          ? locationsWithAvailability
          : locationsWithLevel.length
            ? locationsWithLevel
            : location_ids,
      })
    })
  })
  return itemsToConfirm
}
