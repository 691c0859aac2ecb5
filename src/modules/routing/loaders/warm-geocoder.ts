import { LoaderOptions } from "@medusajs/framework/types"
import { parseOmsOptions } from "../../../lib/config/options"
import { bundledGazetteer } from "../../../lib/geo"

/**
 * Builds the bundled gazetteer while the app starts, not in the first checkout after a deploy:
 * routing geocodes every order's address (at checkout, or in the order.placed subscriber), and the
 * first build costs most of a second of CPU (see docs/benchmarks.md). Scheduled on an unref'd
 * timer, so it runs during the rest of Medusa's start-up and never keeps a short command such as
 * `medusa db:migrate` alive. Routing switched off: nothing to warm.
 * A European country's place names still load on its first address (a few tens of ms).
 */
export default async function warmGeocoderLoader({ options, logger }: LoaderOptions) {
  if (!parseOmsOptions(options ?? {}).routing.enabled) return
  setTimeout(() => {
    const started = performance.now()
    bundledGazetteer()
    logger?.debug?.(`medusa-oms: bundled gazetteer built in ${Math.round(performance.now() - started)} ms`)
  }, 0).unref()
}
