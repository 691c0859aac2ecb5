import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ROUTING_MODULE, RoutingModuleService } from "../../modules/routing"

/** Routing's configuration for one sales channel, as checkout and routing plan with it. */
export type RoutingConfig = {
  /** routingConfigStamp when it was read: the copy is good while the stamp is the same. */
  stamp: string
  /** The channel's stock locations: id, name, address. */
  locations: any[]
  profiles: any[]
  active_rule_sets: any[]
}

/** One copy per sales channel (a shop has a handful; the map is emptied if it ever holds 64). */
const configs = new Map<string, RoutingConfig>()

/**
 * The sales channel's stock locations with their addresses, their routing profiles and the active
 * rule sets, exactly as the tables hold them now. They change a few times a day and checkouts
 * and orders come many times a second, so the copy read last is kept with the stamp of those tables and
 * used while the stamp (one statement, read first) is unchanged; any change to a link, a
 * location, an address, a profile or a rule set reads them again (three reads, in parallel). In a
 * cluster each process keeps its own copy, checked the same way. Callers must not change it.
 */
export async function routingConfig(container: MedusaContainer, salesChannelId: string | null): Promise<RoutingConfig> {
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  const key = salesChannelId ?? ""
  const stamp = await routing.routingConfigStamp(salesChannelId)
  const kept = configs.get(key)
  if (kept?.stamp === stamp) return kept

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = salesChannelId
    ? await query.graph({
        entity: "sales_channel",
        fields: ["id", "stock_locations.id", "stock_locations.name", "stock_locations.address.*"],
        filters: { id: salesChannelId },
      })
    : { data: [] as any[] }
  const locations = ((channels[0] as any)?.stock_locations ?? []).filter(Boolean)
  const locationIds = locations.map((l: any) => l.id)
  const [profiles, activeSets] = await Promise.all([
    locationIds.length
      ? routing.listLocationProfiles({ stock_location_id: locationIds }, { take: null })
      : Promise.resolve([] as any[]),
    routing.listRuleSets({ status: "active" }, { take: null }),
  ])
  // Read after the stamp: the copy is at least as new as its stamp, so a change in between only
  // makes the next checkout read again.
  const config: RoutingConfig = { stamp, locations, profiles, active_rule_sets: activeSets }
  if (configs.size >= 64) configs.clear()
  configs.set(key, config)
  return config
}
