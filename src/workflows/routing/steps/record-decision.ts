import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withDecisionEntry, type DecisionHistoryEntry, type StoredPlan } from "../../../lib/routing/stored"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { RoutingContext } from "../../shared/routing-context"
import { PlanAndReserveResult } from "./plan-and-reserve"

export const recordDecisionStepId = "oms-record-routing-decision"

type Undo =
  | { kind: "created"; id: string }
  | { kind: "updated"; id: string; previous: Record<string, unknown> }
  | { kind: "none" }

/**
 * Stores the order's routing decision (or updates it on a re-route, appending to its history);
 * removed or restored again if a later step fails.
 */
export const recordDecisionStep = createStep(
  recordDecisionStepId,
  async (
    input: {
      context: RoutingContext
      result: PlanAndReserveResult
      actor?: string
      action?: string
      /** Automatic retries: leave the decision (and its history) alone when nothing changed. */
      only_if_changed?: boolean
      /** Said before the planner's sentence in the history, e.g. why the order was re-routed. */
      summary?: string
    },
    { container }
  ) => {
    const { context, result } = input
    if (context.skip || !result.plan) return new StepResponse(null, { kind: "none" } as Undo)
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const plan = result.plan
    const entry: DecisionHistoryEntry = {
      at: new Date().toISOString(),
      action: input.action ?? "routed",
      actor: input.actor ?? "system",
      summary: input.summary ? `${input.summary} ${plan.trace.decision}` : plan.trace.decision,
    }
    const fields = {
      status: plan.status,
      method: plan.method,
      rule_set: context.rule_set_label ?? "default",
      location_ids: [...new Set(result.reservations.map((r) => r.location_id))],
      plan: {
        shipments: plan.shipments,
        unallocated: plan.unallocated,
        moved_lines: result.moved_lines,
        excluded_location_ids: context.excluded_location_ids ?? [],
        /** What the planner saw, for replays (simulator, shadow mode). */
        input: result.input ?? null,
      } satisfies StoredPlan,
      trace: plan.trace as unknown as Record<string, unknown>,
    }

    if (context.existing_decision_id) {
      const [previous] = await routing.listRoutingDecisions({ id: context.existing_decision_id })
      const unchanged =
        previous.status === fields.status &&
        !result.moved_lines.length &&
        [...(previous.location_ids as string[])].sort().join() === [...fields.location_ids].sort().join()
      if (input.only_if_changed && unchanged) return new StepResponse(null, { kind: "none" } as Undo)
      const updated = await routing.updateRoutingDecisions({
        id: previous.id,
        ...fields,
        history: withDecisionEntry(previous.history, entry, previous.id),
      })
      const snapshot = {
        status: previous.status,
        method: previous.method,
        rule_set: previous.rule_set,
        location_ids: previous.location_ids,
        plan: previous.plan,
        trace: previous.trace,
        history: previous.history,
      }
      return new StepResponse(updated, { kind: "updated", id: previous.id, previous: snapshot } as Undo)
    }

    const created = await routing.createRoutingDecisions({
      order_id: context.order_id,
      ...fields,
      history: { entries: [entry] },
    })
    return new StepResponse(created, { kind: "created", id: created.id } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo || undo.kind === "none") return
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    if (undo.kind === "created") await routing.deleteRoutingDecisions(undo.id)
    else await routing.updateRoutingDecisions({ id: undo.id, ...(undo.previous as any) })
  }
)
