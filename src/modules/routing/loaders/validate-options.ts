import { LoaderOptions } from "@medusajs/framework/types"
import { parseOmsOptions } from "../../../lib/config/options"

/**
 * Medusa passes the plugin's options to each of its modules; this loader runs at start-up,
 * so a wrong option stops the app with a message naming the option and what is allowed.
 */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parseOmsOptions(options ?? {})
}
