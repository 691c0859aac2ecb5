import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { simulationLockKey } from "../../../lib/locks"

/**
 * Status changes of one simulation (start, finish, cancel) read and write under this lock, so
 * a cancel never lands between the runner's check and its write and gets overwritten.
 */
export function withSimulationLock<T>(container: MedusaContainer, id: string, job: () => Promise<T>): Promise<T> {
  return container.resolve(Modules.LOCKING).execute(simulationLockKey(id), job, { timeout: 10 })
}
