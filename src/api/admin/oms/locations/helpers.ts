import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { geocodeAddress } from "../../../../lib/geo"
import { startOfDay } from "../../../../lib/time/start-of-day"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"
import { DEFAULT_LOCATION_PROFILE } from "../../../../modules/routing/defaults"
import type { AdminOmsLocation } from "../../../../types/routing"

/** Stock locations with their routing profiles and today's load: three queries whatever the number of locations. */
export async function listLocationsWithProfiles(scope: MedusaContainer, ids?: string[]): Promise<AdminOmsLocation[]> {
  return (await pageLocationsWithProfiles(scope, { ids })).locations
}

/** One page of stock locations by name (all of them without `page`), with the total count. */
export async function pageLocationsWithProfiles(
  scope: MedusaContainer,
  { ids, page }: { ids?: string[]; page?: { limit: number; offset: number } }
): Promise<{ locations: AdminOmsLocation[]; count: number }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const routing = scope.resolve<RoutingModuleService>(ROUTING_MODULE)

  const { data: locations, metadata } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name", "address.*"],
    filters: ids ? { id: ids } : {},
    ...(page ? { pagination: { skip: page.offset, take: page.limit, order: { name: "ASC", id: "ASC" } } } : {}),
  })
  const [profiles, usedToday] = await Promise.all([
    routing.listLocationProfiles({ stock_location_id: locations.map((l) => l.id) }, { take: null }),
    routing.ordersPerLocationSince(startOfDay(new Date(), routing.getOmsOptions().timezone)),
  ])
  const byLocation = new Map(profiles.map((p) => [p.stock_location_id, p]))

  const views: AdminOmsLocation[] = locations.map((location) => {
      const stored = byLocation.get(location.id)
      const profile = stored
        ? {
            active: stored.active,
            priority: stored.priority,
            markets: stored.markets as string[],
            daily_capacity: stored.daily_capacity,
            safety_stock: stored.safety_stock,
            latitude: stored.latitude,
            longitude: stored.longitude,
          }
        : { ...DEFAULT_LOCATION_PROFILE }
      const a = location.address
      return {
        id: location.id,
        name: location.name,
        address: a
          ? {
              address_1: a.address_1 ?? null,
              city: a.city ?? null,
              province: a.province ?? null,
              postal_code: a.postal_code ?? null,
              country_code: a.country_code ? a.country_code.toUpperCase() : null,
            }
          : null,
        profile: { ...profile, has_profile: Boolean(stored) },
        capacity_used_today: usedToday[location.id] ?? 0,
        geocoded: geocodedOf(a),
      }
    })
  // A page keeps the database's order, so pages never overlap; a lookup by ids sorts here.
  if (!page) views.sort((a, b) => a.name.localeCompare(b.name))
  return { locations: views, count: page ? metadata?.count ?? views.length : views.length }
}

function geocodedOf(a: { country_code?: string | null; province?: string | null; city?: string | null; postal_code?: string | null } | null | undefined) {
  if (!a?.country_code) return null
  const found = geocodeAddress({
    country_code: a.country_code.toUpperCase(),
    province: a.province ?? null,
    city: a.city ?? null,
    postal_code: a.postal_code ?? null,
  })
  return found ? { latitude: found.point.lat, longitude: found.point.lng, precision: found.precision } : null
}
