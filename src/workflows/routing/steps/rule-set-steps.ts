import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RuleSet as Definition } from "../../../lib/routing"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"

export type RuleSetDraftInput = {
  name: string
  sales_channel_id?: string | null
  definition: Definition
  created_by?: string | null
  /** What the history says about its creation; "Created" unless given. */
  summary?: string
}

/** One line of a rule set's history: who did what, when. */
export type RuleSetHistoryEntry = {
  at: string
  actor: string | null
  action: "created" | "edited" | "activated" | "archived" | "shadow_on" | "shadow_off"
  summary: string
}

type History = { entries: RuleSetHistoryEntry[] }

/** The history with one more entry (a new object: the stored one is never mutated). */
export function withEntry(history: unknown, entry: Omit<RuleSetHistoryEntry, "at">): History {
  const entries = ((history as History | null)?.entries ?? []).slice()
  entries.push({ at: new Date().toISOString(), ...entry })
  return { entries }
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
      history: withEntry(null, { actor: input.created_by ?? null, action: "created", summary: input.summary ?? "Created" }),
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
    input: { id: string; definition?: Definition; sales_channel_id?: string | null; shadow?: boolean; actor?: string | null },
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
      history: describeEdit(current, input).reduce(
        (history, entry) => withEntry(history, { actor: input.actor ?? null, ...entry }),
        current.history as unknown
      ) as unknown as Record<string, unknown>,
    })
    return new StepResponse(updated, {
      id: current.id,
      definition: current.definition,
      sales_channel_id: current.sales_channel_id,
      shadow: current.shadow,
      history: current.history,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    await service(container).updateRuleSets(previous as any)
  }
)

/** The history lines an edit adds: rules, sales channel, shadow on/off (only what really changed). */
function describeEdit(
  current: { definition: unknown; sales_channel_id: string | null; shadow: boolean },
  input: { definition?: Definition; sales_channel_id?: string | null; shadow?: boolean }
): Omit<RuleSetHistoryEntry, "at" | "actor">[] {
  const lines: Omit<RuleSetHistoryEntry, "at" | "actor">[] = []
  if (input.definition && JSON.stringify(input.definition) !== JSON.stringify(current.definition)) {
    const rules = input.definition.rules.length
    const split = input.definition.split
    const splitText =
      split.type === "max_shipments" ? `at most ${split.max} shipments` : split.type === "min_shipment_value" ? `shipments worth at least ${split.min_value}` : split.type
    lines.push({
      action: "edited",
      summary: `Rules edited (${rules} rule${rules === 1 ? "" : "s"}, split ${splitText}, partial ${input.definition.partial})`,
    })
  }
  if (input.sales_channel_id !== undefined && input.sales_channel_id !== current.sales_channel_id) {
    lines.push({ action: "edited", summary: input.sales_channel_id ? `Sales channel set to ${input.sales_channel_id}` : "Made global (every sales channel)" })
  }
  if (input.shadow !== undefined && input.shadow !== current.shadow) {
    lines.push(input.shadow ? { action: "shadow_on", summary: "Shadow mode on" } : { action: "shadow_off", summary: "Shadow mode off" })
  }
  return lines
}

type StatusSnapshot = {
  id: string
  status: "draft" | "active" | "archived"
  activated_at: Date | null
  archived_at: Date | null
  history: unknown
}

/**
 * Makes a version the active one for its scope (its sales channel, or global), archiving the
 * version it replaces. Run under a lock on the scope; undone by restoring both statuses.
 */
export const activateRuleSetStep = createStep(
  "oms-activate-rule-set",
  async (input: { id: string; actor?: string | null }, { container }) => {
    const routing = service(container)
    const [target] = await routing.listRuleSets({ id: input.id })
    if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
    if (target.status === "active") return new StepResponse(target, [] as StatusSnapshot[])
    const actor = input.actor ?? null
    const current = await routing.listRuleSets({ status: "active", sales_channel_id: target.sales_channel_id ?? null })
    const snapshots: StatusSnapshot[] = [target, ...current].map((s) => ({
      id: s.id,
      status: s.status,
      activated_at: s.activated_at ?? null,
      archived_at: s.archived_at ?? null,
      history: s.history ?? null,
    }))
    const now = new Date()
    if (current.length) {
      await routing.updateRuleSets(
        current.map((s) => ({
          id: s.id,
          status: "archived" as const,
          archived_at: now,
          history: withEntry(s.history, { actor, action: "archived", summary: `Replaced by ${label(target)}` }) as any,
        }))
      )
    }
    const activated = await routing.updateRuleSets({
      id: target.id,
      status: "active",
      activated_at: now,
      archived_at: null,
      history: withEntry(target.history, {
        actor,
        action: "activated",
        summary: current.length ? `Activated, replacing ${current.map(label).join(", ")}` : "Activated",
      }) as any,
    })
    return new StepResponse(activated, snapshots)
  },
  async (snapshots: StatusSnapshot[] | undefined, { container }) => {
    if (!snapshots?.length) return
    const routing = service(container)
    // The target first leaves "active", so the unique index never sees two active versions.
    const [target, ...others] = snapshots
    await routing.updateRuleSets({ ...target } as any)
    if (others.length) await routing.updateRuleSets(others.map((s) => ({ ...s })) as any)
  }
)

/** Retires a version; routing falls back to the global rule set or the built-in default. */
export const archiveRuleSetStep = createStep(
  "oms-archive-rule-set",
  async (input: { id: string; actor?: string | null }, { container }) => {
    const routing = service(container)
    const [target] = await routing.listRuleSets({ id: input.id })
    if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
    if (target.status === "archived") return new StepResponse(target, null)
    const updated = await routing.updateRuleSets({
      id: target.id,
      status: "archived",
      archived_at: new Date(),
      history: withEntry(target.history, { actor: input.actor ?? null, action: "archived", summary: "Archived" }) as any,
    })
    return new StepResponse(updated, {
      id: target.id,
      status: target.status,
      archived_at: target.archived_at ?? null,
      history: target.history ?? null,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    await service(container).updateRuleSets(previous as any)
  }
)
