import { MedusaService } from "@medusajs/framework/utils"
import { OmsOptions, parseOmsOptions } from "../../lib/config/options"
import { Bin } from "./models/bin"
import { Pack } from "./models/pack"
import { Wave } from "./models/wave"
import { WaveLine } from "./models/wave-line"

/** Generated CRUD for bins, waves, wave lines and packs, plus the plugin's validated options. */
class PickingModuleService extends MedusaService({
  Bin,
  Wave,
  WaveLine,
  Pack,
}) {
  protected readonly omsOptions_: OmsOptions

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.omsOptions_ = parseOmsOptions(options ?? {})
  }

  /** The plugin's options with defaults filled in (the walk order lives under `picking`). */
  getOmsOptions(): OmsOptions {
    return this.omsOptions_
  }
}

export default PickingModuleService
