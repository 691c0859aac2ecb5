import { MedusaService } from "@medusajs/framework/utils"
import { OmsOptions, parseOmsOptions } from "../../lib/config/options"
import { LocationProfile } from "./models/location-profile"
import { RoutingDecision } from "./models/routing-decision"
import { RuleSet } from "./models/rule-set"
import { Simulation } from "./models/simulation"

/** Generated CRUD for routing's stored configuration, plus the plugin's validated options. */
class RoutingModuleService extends MedusaService({
  LocationProfile,
  RoutingDecision,
  RuleSet,
  Simulation,
}) {
  protected readonly omsOptions_: OmsOptions

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.omsOptions_ = parseOmsOptions(options ?? {})
  }

  /** The plugin's options with defaults filled in (validated at start-up by the loader). */
  getOmsOptions(): OmsOptions {
    return this.omsOptions_
  }
}

export default RoutingModuleService
