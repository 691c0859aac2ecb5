import { MedusaError } from "@medusajs/framework/utils"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import { parseReturnPolicy } from "../../../lib/returns/schema"
import type { ReturnPolicy } from "../../../lib/returns/types"

type Container = { resolve: <T>(key: string) => T }

export const returnsService = (container: Container) => container.resolve<ReturnsModuleService>(RETURNS_MODULE)

/** The stored policy, or the 404 a person reads ("Return policy orpol_x was not found"). */
export async function getReturnPolicyOr404(container: Container, id: string): Promise<ReturnPolicy> {
  const [row] = await returnsService(container).listReturnPolicies({ id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return policy ${id} was not found`)
  return parseReturnPolicy(row)
}

/** A policy as it is written to the row (the JSON columns typed as the module wants them). */
export const policyColumns = (p: Omit<ReturnPolicy, "id">) => ({
  name: p.name,
  active: p.active,
  priority: p.priority,
  market: p.market as unknown as Record<string, unknown> | null,
  definition: p.definition as unknown as Record<string, unknown>,
})
