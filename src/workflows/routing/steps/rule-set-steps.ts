import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RuleSet as Definition } from "../../../lib/routing"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"

export type RuleSetDraftInput = {
  name: string
  sales_channel_id?: string | null
  definition: Definition
  created_by?: string | null
}

const service = (container: { resolve: <T>(key: string) => T }) => container.resolve<RoutingModuleService>(ROUTING_MODULE)

const label = (set: { name: string; version: number }) => `"${set.name}" v${set.version}`

/** Reads one version (404 when it does not exist). */
export const getRuleSetStep = createStep("oms-get-rule-set", async (input: { id: string }, { container }) => {
  const [set] = await service(container).listRuleSets({ id: input.id })
  if (!set) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
  return new StepResponse(set)
})

/** Creates a draft; the version is the next one for that name. Deleted again on failure. */
export const createRuleSetStep = createStep(
  "oms-create-rule-set",
  async (input: RuleSetDraftInput, { container }) => {
    const routing = service(container)
    const sameName = await routing.listRuleSets({ name: input.name }, { select: ["version"], withDeleted: true })
    const version = sameName.reduce((max, s) => Math.max(max, s.version), 0) + 1
    const created = await routing.createRuleSets({
      name: input.name,
      version,
      status: "draft",
      sales_channel_id: input.sales_channel_id ?? null,
      definition: input.definition as unknown as Record<string, unknown>,
      created_by: input.created_by ?? null,
    })
    return new StepResponse(created, created.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    await service(container).deleteRuleSets(id)
  }
)

/** Changes a draft. Active and archived versions are history: change a copy instead. */
export const updateDraftRuleSetStep = createStep(
  "oms-update-draft-rule-set",
  async (
    input: { id: string; definition?: Definition; sales_channel_id?: string | null; shadow?: boolean },
    { container }
  ) => {
    const routing = service(container)
    const [current] = await routing.listRuleSets({ id: input.id })
    if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
    if (current.status !== "draft") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Rule set ${label(current)} is ${current.status}; only drafts can be changed. Duplicate it to make a new draft.`
      )
    }
    const updated = await routing.updateRuleSets({
      id: input.id,
      ...(input.definition ? { definition: input.definition as unknown as Record<string, unknown> } : {}),
      ...(input.sales_channel_id !== undefined ? { sales_channel_id: input.sales_channel_id } : {}),
      ...(input.shadow !== undefined ? { shadow: input.shadow } : {}),
    })
    return new StepResponse(updated, {
      id: current.id,
      definition: current.definition,
      sales_channel_id: current.sales_channel_id,
      shadow: current.shadow,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    await service(container).updateRuleSets(previous as any)
  }
)

type StatusSnapshot = { id: string; status: "draft" | "active" | "archived"; activated_at: Date | null; archived_at: Date | null }

/**
 * Makes a version the active one for its scope (its sales channel, or global), archiving the
 * version it replaces. Run under a lock on the scope; undone by restoring both statuses.
 */
export const activateRuleSetStep = createStep(
  "oms-activate-rule-set",
  async (input: { id: string }, { container }) => {
    const routing = service(container)
    const [target] = await routing.listRuleSets({ id: input.id })
    if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
    if (target.status === "active") return new StepResponse(target, [] as StatusSnapshot[])
    const current = await routing.listRuleSets({ status: "active", sales_channel_id: target.sales_channel_id ?? null })
    const snapshots: StatusSnapshot[] = [target, ...current].map((s) => ({
      id: s.id,
      status: s.status,
      activated_at: s.activated_at ?? null,
      archived_at: s.archived_at ?? null,
    }))
    const now = new Date()
    if (current.length) {
      await routing.updateRuleSets(current.map((s) => ({ id: s.id, status: "archived" as const, archived_at: now })))
    }
    const activated = await routing.updateRuleSets({ id: target.id, status: "active", activated_at: now, archived_at: null })
    return new StepResponse(activated, snapshots)
  },
  async (snapshots: StatusSnapshot[] | undefined, { container }) => {
    if (!snapshots?.length) return
    const routing = service(container)
    // The target first leaves "active", so the unique index never sees two active versions.
    const [target, ...others] = snapshots
    await routing.updateRuleSets({ ...target })
    if (others.length) await routing.updateRuleSets(others.map((s) => ({ ...s })))
  }
)

/** Retires a version; routing falls back to the global rule set or the built-in default. */
export const archiveRuleSetStep = createStep(
  "oms-archive-rule-set",
  async (input: { id: string }, { container }) => {
    const routing = service(container)
    const [target] = await routing.listRuleSets({ id: input.id })
    if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
    if (target.status === "archived") return new StepResponse(target, null)
    const updated = await routing.updateRuleSets({ id: target.id, status: "archived", archived_at: new Date() })
    return new StepResponse(updated, { id: target.id, status: target.status, archived_at: target.archived_at ?? null })
  },
  async (previous, { container }) => {
    if (!previous) return
    await service(container).updateRuleSets(previous as any)
  }
)
