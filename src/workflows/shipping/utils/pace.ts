import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { SharedPaceDeps } from "../../../providers/carrier/rate-limit"

/** Medusa's cache and locking modules, which carry every account's shared request pace. */
export function paceDeps(container: Pick<MedusaContainer, "resolve">): SharedPaceDeps {
  return { cache: container.resolve(Modules.CACHE), locking: container.resolve(Modules.LOCKING) }
}
