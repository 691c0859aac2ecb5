import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { geocodeAddress, GeoPoint } from "../../lib/geo"
import { plannerLineId } from "../../lib/order"
import { defaultRuleSet, RuleSet, type Candidate, type OrderLine } from "../../lib/routing"
import { parseRuleSetDefinition, parseStoredPlan } from "../../lib/routing/stored"
import type { OrderFacts } from "../../lib/rules"
import { startOfDay } from "../../lib/time/start-of-day"
import { ROUTING_MODULE, RoutingModuleService } from "../../modules/routing"
import { DEFAULT_LOCATION_PROFILE } from "../../modules/routing/defaults"
import { routingConfig } from "./routing-config"

/**
 * Everything routing needs about one order, loaded in a few batched queries before the
 * stock is read under the inventory locks. Candidates carry no stock yet.
 */
export type RoutingContext = {
  order_id: string
  display_id: number | null
  /** Set when there is nothing to do (already routed, canceled, nothing to reserve). */
  skip: string | null
  existing_decision_id: string | null
  lines: OrderLine[]
  facts: OrderFacts
  address: {
    country_code: string
    province: string | null
    city: string | null
    postal_code: string | null
    point: GeoPoint | null
  }
  candidates: Omit<Candidate, "stock">[]
  inventory_item_ids: string[]
  line_item_ids: string[]
  /** The active rule set for the order's sales channel, else the global one, else the default. */
  rule_set?: RuleSet
  /** How the decision names it: "<name> v<version>" or "default". */
  rule_set_label?: string
  /** Locations that rejected this order; routing never sends it back to them. */
  excluded_location_ids?: string[]
}

export type LoadRoutingContextInput = {
  order_id: string
  /** Route again even when the order already has a decision (admin re-route). */
  force?: boolean
  /** Locations to leave out from now on (a location rejected the order's lines). */
  exclude_location_ids?: string[]
}

/**
 * Reads the order, its lines' inventory items, the sales channel's locations with their
 * profiles, the customer's groups, the active rule sets and today's load: eight queries in three
 * rounds, whatever the order's size. Read-only. Routing plans with it; checkout reserves with it
 * where routing will want the units (same candidates, same rule set).
 */
export async function loadRoutingContext(
  container: MedusaContainer,
  input: LoadRoutingContextInput
): Promise<RoutingContext> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)

  const [existing] = await routing.listRoutingDecisions({ order_id: input.order_id }, { select: ["id", "plan"] })
  const excluded = [
    ...new Set([
      ...(existing ? parseStoredPlan(existing.plan, existing.id).excluded_location_ids : []),
      ...(input.exclude_location_ids ?? []),
    ]),
  ]
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "status",
      "currency_code",
      "region_id",
      "sales_channel_id",
      "customer_id",
      "total",
      "shipping_address.*",
      "items.*",
      "items.detail.*",
      "shipping_methods.shipping_option_id",
    ],
    filters: { id: input.order_id },
  })
  const base = emptyContext(input.order_id)
  if (!order) return { ...base, skip: "order not found" }
  base.display_id = order.display_id ?? null
  base.existing_decision_id = existing?.id ?? null
  if (existing && !input.force) return { ...base, skip: "already routed" }
  if (order.status === "canceled") return { ...base, skip: "order is canceled" }

  const items = (order.items ?? []).filter(Boolean) as any[]
  const variantIds = [...new Set(items.map((i) => i.variant_id).filter(Boolean))]
  const [{ data: variants }, config, { data: customers }] = await Promise.all([
    variantIds.length
      ? query.graph({
          entity: "product_variant",
          fields: [
            "id",
            "manage_inventory",
            "inventory_items.inventory_item_id",
            "inventory_items.required_quantity",
            "product.type.value",
            "product.tags.value",
            "product.shipping_profile.id",
          ],
          filters: { id: variantIds },
        })
      : Promise.resolve({ data: [] as any[] }),
    routingConfig(container, order.sales_channel_id ?? null),
    order.customer_id
      ? query.graph({ entity: "customer", fields: ["id", "groups.id"], filters: { id: order.customer_id } })
      : Promise.resolve({ data: [] as any[] }),
  ])
  if (!hasOpenManagedLines(items, variants)) return { ...base, skip: "nothing to reserve" }

  const { timezone } = routing.getOmsOptions()
  // Daily capacity: orders per location today, counted by the database (one grouped query).
  const usedToday = await routing.ordersPerLocationSince(startOfDay(new Date(), timezone))
  return {
    ...assembleRoutingContext({
      base,
      order,
      variants,
      locations: config.locations,
      customer_group_ids: ((customers[0] as any)?.groups ?? []).map((g: any) => g?.id).filter(Boolean),
      profiles: config.profiles,
      used_today: usedToday,
      active_rule_sets: config.active_rule_sets,
    }),
    excluded_location_ids: excluded,
  }
}

/** Whether any line still has units of an inventory-managed variant to reserve (checked before the routing reads). */
function hasOpenManagedLines(items: any[], variants: any[]) {
  const managed = new Map(variants.map((v: any) => [v.id, v]))
  return items.some((item) => {
    const variant = managed.get(item.variant_id)
    const open = Number(item.quantity) - Number(item.detail?.fulfilled_quantity ?? 0)
    return variant?.manage_inventory && open > 0 && (variant.inventory_items ?? []).length > 0
  })
}

/** What routing reads about an order, in the shapes query.graph and the routing module give them. */
export type RoutingContextParts = {
  base: RoutingContext
  /** id, sales_channel_id, total, currency_code, region_id, shipping_address, shipping_methods (shipping_option_id),
   * items (id, variant_id, quantity, unit_price, detail.fulfilled_quantity). */
  order: any
  /** id, manage_inventory, inventory_items (inventory_item_id, required_quantity), product (type.value, tags.value, shipping_profile.id). */
  variants: any[]
  /** The sales channel's stock locations: id, name, address. */
  locations: any[]
  customer_group_ids: string[]
  profiles: any[]
  /** Orders per location today; only read by the daily-capacity filter. */
  used_today: Record<string, number>
  active_rule_sets: any[]
}

/**
 * The routing context from what was read (no I/O): lines, facts, candidates and the rule set.
 * Routing after checkout and checkout's reservation both build it here, so they see the same
 * candidates, facts and rule set for the same order.
 */
export function assembleRoutingContext(parts: RoutingContextParts): RoutingContext {
  const { base, order, variants, locations, profiles, used_today: usedToday, active_rule_sets: activeSets } = parts
  const items = (order.items ?? []).filter(Boolean) as any[]
  const variantById = new Map(variants.map((v: any) => [v.id, v]))

  const lines: RoutingContext["lines"] = []
  const tags = new Set<string>()
  const types = new Set<string>()
  const shippingProfiles = new Set<string>()
  for (const item of items) {
    const variant = variantById.get(item.variant_id)
    if (!variant?.manage_inventory) continue
    const open = Number(item.quantity) - Number(item.detail?.fulfilled_quantity ?? 0)
    if (open <= 0) continue
    for (const link of variant.inventory_items ?? []) {
      lines.push({
        line_id: plannerLineId(item.id, link.inventory_item_id),
        inventory_item_id: link.inventory_item_id,
        quantity: open * Number(link.required_quantity ?? 1),
        unit_value: Number(item.unit_price ?? 0),
      })
    }
    if (variant.product?.type?.value) types.add(variant.product.type.value)
    for (const t of variant.product?.tags ?? []) if (t?.value) tags.add(t.value)
    if (variant.product?.shipping_profile?.id) shippingProfiles.add(variant.product.shipping_profile.id)
  }
  if (!lines.length) return { ...base, skip: "nothing to reserve" }

  const chosenSet = chooseRuleSet(activeSets, order.sales_channel_id)
  const profileByLocation = new Map(profiles.map((p) => [p.stock_location_id, p]))

  const a = order.shipping_address ?? ({} as any)
  const country = String(a.country_code ?? "").toUpperCase()
  const address = {
    country_code: country,
    province: a.province ?? null,
    city: a.city ?? null,
    postal_code: a.postal_code ?? null,
  }

  return {
    ...base,
    lines,
    // No point: the planner places the address itself (its geocode option) and records how it did
    // (postal code, city...), which the decision stores and a replay repeats.
    address: { ...address, point: null },
    facts: {
      destination: address,
      value: Number(order.total ?? 0),
      currency_code: order.currency_code,
      region_id: order.region_id ?? null,
      sales_channel_id: order.sales_channel_id ?? null,
      shipping_option_ids: (order.shipping_methods ?? [])
        .map((m: any) => m?.shipping_option_id)
        .filter(Boolean),
      product_tags: [...tags],
      product_types: [...types],
      shipping_profiles: [...shippingProfiles],
      customer_group_ids: parts.customer_group_ids,
    },
    candidates: locations.map((l) => {
      const p = profileByLocation.get(l.id) ?? DEFAULT_LOCATION_PROFILE
      const stored: GeoPoint | null =
        p.latitude != null && p.longitude != null ? { lat: Number(p.latitude), lng: Number(p.longitude) } : null
      return {
        id: l.id,
        name: l.name,
        active: p.active,
        priority: p.priority,
        markets: (p.markets as string[]) ?? [],
        daily_capacity: p.daily_capacity,
        capacity_used_today: usedToday[l.id] ?? 0,
        safety_stock: p.safety_stock,
        point:
          stored ??
          pointOf({
            country_code: String(l.address?.country_code ?? "").toUpperCase(),
            province: l.address?.province ?? null,
            city: l.address?.city ?? null,
            postal_code: l.address?.postal_code ?? null,
          }),
      }
    }),
    inventory_item_ids: [...new Set(lines.map((l) => l.inventory_item_id))],
    line_item_ids: [...new Set(items.map((i) => i.id))],
    rule_set: chosenSet ? parseRuleSetDefinition(chosenSet.definition, chosenSet.id) : defaultRuleSet(),
    rule_set_label: chosenSet ? `${chosenSet.name} v${chosenSet.version}` : "default",
  }
}

/** The active rule set that routes an order of this sales channel: the channel's own, else the shop's. */
export function chooseRuleSet<T extends { sales_channel_id?: string | null }>(activeSets: T[], salesChannelId: string | null | undefined): T | undefined {
  return (
    activeSets.find((s) => s.sales_channel_id && s.sales_channel_id === salesChannelId) ??
    activeSets.find((s) => !s.sales_channel_id)
  )
}

function pointOf(address: { country_code: string; province: string | null; city: string | null; postal_code: string | null }) {
  if (!address.country_code) return null
  return geocodeAddress(address)?.point ?? null
}

function emptyContext(orderId: string): RoutingContext {
  return {
    order_id: orderId,
    display_id: null,
    skip: null,
    existing_decision_id: null,
    lines: [],
    facts: { destination: { country_code: "" }, value: 0, currency_code: "" },
    address: { country_code: "", province: null, city: null, postal_code: null, point: null },
    candidates: [],
    inventory_item_ids: [],
    line_item_ids: [],
  }
}
