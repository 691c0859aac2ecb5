import { createShippingOptionsWorkflow } from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { defaultPolicyDefinition } from "../../src/lib/returns"
import type { ReturnPolicyDefinition } from "../../src/lib/returns/types"
import { RETURNS_MODULE } from "../../src/modules/returns"
import type ReturnsModuleService from "../../src/modules/returns/service"
import { SHIPPING_MODULE } from "../../src/modules/shipping"
import type ShippingModuleService from "../../src/modules/shipping/service"

/**
 * What the store and request specs of returns share: the store's one policy (30 days, nearest
 * location; "other" needs a note and "damaged" a photo), changed per test; Medusa's item
 * counters; and an offline carrier with a return option at a warehouse.
 */

export const returnsModule = (container: MedusaContainer) => container.resolve<ReturnsModuleService>(RETURNS_MODULE)

export async function storePolicy(container: MedusaContainer, definition: Partial<ReturnPolicyDefinition> = {}) {
  const returns = returnsModule(container)
  const full: ReturnPolicyDefinition = {
    ...defaultPolicyDefinition(),
    reasons: { other: { note_required: true }, damaged: { photo_required: true } },
    ...definition,
  }
  const [existing] = await returns.listReturnPolicies({ name: "Store policy" })
  if (existing) return returns.updateReturnPolicies({ id: existing.id, definition: full as any })
  return returns.createReturnPolicies({ name: "Store policy", active: true, priority: 10, market: null, definition: full as any })
}

/** Medusa's detail counters of one order line. */
export async function lineCounters(container: MedusaContainer, orderId: string, lineId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "items.*", "items.detail.*"], filters: { id: orderId } })
  const item = (order as any).items.find((i: any) => i.id === lineId)
  return {
    fulfilled: Number(item.detail.fulfilled_quantity),
    requested: Number(item.detail.return_requested_quantity),
    received: Number(item.detail.return_received_quantity),
    dismissed: Number(item.detail.return_dismissed_quantity),
  }
}

/** The cases of an order, with lines. */
export const casesOf = (container: MedusaContainer, orderId: string) =>
  returnsModule(container).listReturnCases({ order_id: orderId }, { relations: ["lines", "inspections"] })

/** Medusa's returns of an order (not canceled), with items. */
export async function medusaReturnsOf(container: MedusaContainer, orderId: string) {
  const orderModule = container.resolve(Modules.ORDER)
  return (await orderModule.listReturns({ order_id: orderId }, { relations: ["items"] })) as any[]
}

export async function stockedAt(container: MedusaContainer, inventoryItemId: string, locationId: string) {
  const [level] = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId })
  return Number(level?.stocked_quantity ?? 0)
}

/**
 * An offline carrier account and the carrier provider's return option at one warehouse (rule
 * is_return), the location linked to the provider: what a `label` return buys from.
 */
export async function carrierReturnOption(container: MedusaContainer, store: DemoStore, locationKey: string, locationName: string, run: string) {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const account = await shipping.createCarrierAccount({
    carrier: "offline",
    name: `Returns carrier ${run}`,
    settings: { account_id: `returns-${run}-${Date.now()}`, currency_code: "USD" },
    services: [{ code: "offline_standard", name: "Standard" }],
  } as any)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link
    .create({
      [Modules.STOCK_LOCATION]: { stock_location_id: store.locations[locationKey] },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "carrier_oms" },
    })
    .catch(() => undefined)
  const [zone] = await container.resolve(Modules.FULFILLMENT).listServiceZones({ name: `${locationName} delivery area` })
  const { result } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: `Return label to ${locationName} (${run})`,
        price_type: "calculated",
        provider_id: "carrier_oms",
        service_zone_id: zone.id,
        shipping_profile_id: store.shipping_profile_id,
        type: { label: "Return label", description: "Prepaid return label", code: `return-label-${run}` },
        data: { id: `${account.id}:return`, account_id: account.id, service_code: "offline_standard", is_return: true },
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "true", operator: "eq" },
        ],
      } as any,
    ],
  })
  return { account, option: result[0], config: await shipping.accountConfig(account.id) }
}
