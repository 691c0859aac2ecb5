import { ICustomerModuleService, IProductModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { defaultRuleSet, RuleSet } from "../../../lib/routing"
import { parseRuleSetDefinition } from "../../../lib/routing/stored"
import { Condition, conditionTypes } from "../../../lib/rules"
import { startOfDay } from "../../../lib/time/start-of-day"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { routingConfig } from "../../shared/routing-config"
import { assembleRoutingContext, chooseRuleSet, RoutingContext } from "../../shared/routing-context"

/**
 * What checkout's reservation knows about the new order before it reads the stock, taken from
 * the cart snapshot completion already read (Medusa's own `completeCartFields`) and the order
 * just created: no query of its own for the order and its variants. The channel's locations
 * come with routing's configuration (`routingConfig`). The customer's groups and the products'
 * types and tags are read only when the rule set tests them (`loadCheckoutRoutingContext`).
 */
export type CheckoutRoutingFacts = {
  /** The order as routing reads it: id, display_id, sales_channel_id, total, currency_code,
   * region_id, shipping_address, shipping_methods, items (order line ids). */
  order: any
  /** The snapshot's variants: id, manage_inventory, inventory_items, product (id, shipping_profile.id). */
  variants: any[]
  customer_id: string | null
}

/** From the cart snapshot and the created order (pure: a workflow transform). */
export function checkoutRoutingFacts(cart: any, createdOrder: any): CheckoutRoutingFacts {
  const variants = new Map<string, any>()
  for (const item of cart.items ?? []) if (item?.variant?.id) variants.set(item.variant.id, item.variant)
  return {
    order: {
      id: createdOrder.id,
      display_id: createdOrder.display_id ?? null,
      sales_channel_id: createdOrder.sales_channel_id ?? cart.sales_channel_id,
      // The order is made from the cart: same lines, shipping, adjustments and credit lines.
      total: createdOrder.total ?? cart.total,
      currency_code: createdOrder.currency_code ?? cart.currency_code,
      region_id: createdOrder.region_id ?? cart.region?.id ?? null,
      shipping_address: createdOrder.shipping_address ?? cart.shipping_address ?? null,
      shipping_methods: (createdOrder.shipping_methods ?? []).map((m: any) => ({
        shipping_option_id: m?.shipping_option_id ?? m?.shipping_method?.shipping_option_id,
      })),
      items: (createdOrder.items ?? []).map((i: any) => ({
        id: i.id,
        variant_id: i.variant_id,
        quantity: i.quantity,
        unit_price: i.unit_price,
      })),
    },
    variants: [...variants.values()],
    customer_id: cart.customer?.id ?? cart.customer_id ?? null,
  }
}

/**
 * Which facts beyond Medusa's completion snapshot the rule set can ask about. Most shops route
 * by place, stock and priority; reading groups, types and tags for every checkout would cost
 * statements no rule looks at.
 */
export function factsAskedFor(ruleSet: RuleSet): { customer_groups: boolean; product_facts: boolean } {
  const types = new Set<Condition["type"]>()
  for (const rule of ruleSet.rules) if (rule.condition) conditionTypes(rule.condition, types)
  return {
    customer_groups: types.has("customer_group"),
    product_facts: types.has("product_type") || types.has("product_tag"),
  }
}

/**
 * The routing context checkout reserves with: the same candidates, rule set and, for every test
 * the rule set makes, the same facts routing will use (`assembleRoutingContext`), from the
 * snapshot plus routing's configuration (`routingConfig`: one statement while it is unchanged)
 * and, in parallel and only when something reads them: today's orders per location (a
 * candidate has a daily capacity), the customer's groups (a rule tests customer_group), the
 * products' types and tags (a rule tests product_type or product_tag).
 */
export async function loadCheckoutRoutingContext(
  container: MedusaContainer,
  facts: CheckoutRoutingFacts
): Promise<RoutingContext> {
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  const config = await routingConfig(container, facts.order.sales_channel_id ?? null)
  const chosen = chooseRuleSet(config.active_rule_sets, facts.order.sales_channel_id ?? null)
  const asked = factsAskedFor(chosen ? parseRuleSetDefinition(chosen.definition, chosen.id) : defaultRuleSet())
  const [usedToday, variants, customerGroupIds] = await Promise.all([
    config.profiles.some((p) => p.daily_capacity != null)
      ? routing.ordersPerLocationSince(startOfDay(new Date(), routing.getOmsOptions().timezone))
      : Promise.resolve({} as Record<string, number>),
    asked.product_facts ? withProductFacts(container, facts.variants) : Promise.resolve(facts.variants),
    asked.customer_groups && facts.customer_id ? customerGroups(container, facts.customer_id) : Promise.resolve([] as string[]),
  ])
  return assembleRoutingContext({
    base: {
      order_id: facts.order.id,
      display_id: facts.order.display_id,
      skip: null,
      // A new order: no decision yet, no location has rejected it.
      existing_decision_id: null,
      lines: [],
      facts: { destination: { country_code: "" }, value: 0, currency_code: "" },
      address: { country_code: "", province: null, city: null, postal_code: null, point: null },
      candidates: [],
      inventory_item_ids: [],
      line_item_ids: [],
      excluded_location_ids: [],
    },
    order: facts.order,
    variants,
    locations: config.locations,
    customer_group_ids: customerGroupIds,
    profiles: config.profiles,
    used_today: usedToday,
    active_rule_sets: config.active_rule_sets,
  })
}

/** The snapshot's variants with their products' type and tags (one product query, types and tags with it). */
async function withProductFacts(container: MedusaContainer, variants: any[]): Promise<any[]> {
  const productIds = [...new Set(variants.map((v) => v?.product?.id).filter(Boolean))]
  if (!productIds.length) return variants
  const products = await container
    .resolve<IProductModuleService>(Modules.PRODUCT)
    .listProducts({ id: productIds }, { select: ["id", "type.value", "tags.value"], relations: ["type", "tags"], take: null })
  const byId = new Map(products.map((p) => [p.id, p]))
  return variants.map((v) => {
    const product = byId.get(v?.product?.id)
    return product ? { ...v, product: { ...v.product, type: product.type ?? null, tags: product.tags ?? [] } } : v
  })
}

/** The customer's group ids. */
async function customerGroups(container: MedusaContainer, customerId: string): Promise<string[]> {
  const [customer] = await container
    .resolve<ICustomerModuleService>(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id", "groups.id"], relations: ["groups"] })
  return (customer?.groups ?? []).map((g: any) => g?.id).filter(Boolean)
}
