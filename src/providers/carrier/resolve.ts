import { container as appContainer } from "@medusajs/framework"

/**
 * A fulfillment provider lives in the fulfillment module's own container, which holds only what
 * the module lists as `dependencies` (medusa-config.ts lists the shipping module, stock
 * locations and the fulfillment module itself for this provider). A host app that did not list
 * them still works: the application container is asked instead.
 */
export function resolveService<T>(cradle: Record<string, unknown>, key: string): T {
  try {
    const found = cradle[key]
    if (found) return found as T
  } catch {
    // not among the module's dependencies
  }
  return appContainer.resolve(key) as T
}
