import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import type { ReturnStatus } from "../../../lib/returns/types"
import { CASE_RELATIONS } from "./case-view"

/** The returns module's service, typed. */
export const returnsService = (container: { resolve: MedusaContainer["resolve"] }) =>
  container.resolve<ReturnsModuleService>(RETURNS_MODULE)

/** One case with its lines and inspections, fresh from the database; 404 when there is none. */
export async function readCase(container: { resolve: MedusaContainer["resolve"] }, caseId: string): Promise<any> {
  const [row] = await returnsService(container).listReturnCases({ id: caseId }, { relations: CASE_RELATIONS, take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return case ${caseId} was not found`)
  return row
}

const STATUS_WORDS: Record<ReturnStatus, string> = {
  requested: "is waiting for its parcel",
  receiving: "was already received",
  inspected: "was already inspected",
  resolved: "was already inspected and resolved",
  canceled: "was canceled",
}

/** The 409 for a case in the wrong state, e.g. "Return R-7K3P9QXM was already inspected: nothing was changed". */
export function wrongState(row: { rma_code: string; status: ReturnStatus }, doing: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `Return ${row.rma_code} ${STATUS_WORDS[row.status]}, so it cannot be ${doing}: nothing was changed`
  )
}
