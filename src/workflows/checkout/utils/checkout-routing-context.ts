import { MedusaContainer } from "@medusajs/framework/types"
import { startOfDay } from "../../../lib/time/start-of-day"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { routingConfig } from "../../shared/routing-config"
import { assembleRoutingContext, RoutingContext } from "../../shared/routing-context"

/**
 * What checkout's reservation knows about the new order before it reads the stock, taken from
 * the cart snapshot completion already read (`completeCartFields` + `checkoutRoutingCartFields`)
 * and the order just created: no query of its own for the order, its variants and product
 * facts or the customer's groups. The channel's locations come with routing's configuration
 * (`routingConfig`).
 */
export type CheckoutRoutingFacts = {
  /** The order as routing reads it: id, display_id, sales_channel_id, total, currency_code,
   * region_id, shipping_address, shipping_methods, items (order line ids). */
  order: any
  variants: any[]
  customer_group_ids: string[]
}

/** Cart fields checkout's routing needs beyond Medusa's own completion fields. */
export const checkoutRoutingCartFields = ["customer.groups.id", "items.variant.product.type.value", "items.variant.product.tags.value"]

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
    customer_group_ids: (cart.customer?.groups ?? []).map((g: any) => g?.id).filter(Boolean),
  }
}

/**
 * The routing context checkout reserves with: the same candidates, facts and rule set routing
 * will use (`assembleRoutingContext`), from the snapshot plus routing's configuration
 * (`routingConfig`: one statement while it is unchanged) and, only when a candidate has
 * a daily capacity (the one thing that reads it), today's orders per location.
 */
export async function loadCheckoutRoutingContext(
  container: MedusaContainer,
  facts: CheckoutRoutingFacts
): Promise<RoutingContext> {
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  const config = await routingConfig(container, facts.order.sales_channel_id ?? null)
  const usedToday = config.profiles.some((p) => p.daily_capacity != null)
    ? await routing.ordersPerLocationSince(startOfDay(new Date(), routing.getOmsOptions().timezone))
    : {}
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
    variants: facts.variants,
    locations: config.locations,
    customer_group_ids: facts.customer_group_ids,
    profiles: config.profiles,
    used_today: usedToday,
    active_rule_sets: config.active_rule_sets,
  })
}
