import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { LocationProfileFields } from "../../../modules/routing/defaults"

export const upsertLocationProfileStepId = "oms-upsert-location-profile"

export type UpsertLocationProfileInput = { stock_location_id: string } & Partial<LocationProfileFields>

type Undo =
  | { kind: "created"; id: string }
  | { kind: "updated"; id: string; previous: LocationProfileFields }

/** Creates the location's profile or updates it; undone (deleted or restored) on failure. */
export const upsertLocationProfileStep = createStep(
  upsertLocationProfileStepId,
  async (input: UpsertLocationProfileInput, { container }) => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const { stock_location_id, ...changes } = input
    const [existing] = await routing.listLocationProfiles({ stock_location_id })

    if (!existing) {
      const created = await routing.createLocationProfiles({ stock_location_id, ...changes })
      return new StepResponse(created, { kind: "created", id: created.id } as Undo)
    }

    const previous: LocationProfileFields = {
      active: existing.active,
      priority: existing.priority,
      markets: existing.markets as string[],
      daily_capacity: existing.daily_capacity,
      safety_stock: existing.safety_stock,
      latitude: existing.latitude,
      longitude: existing.longitude,
    }
    const updated = await routing.updateLocationProfiles({ id: existing.id, ...changes })
    return new StepResponse(updated, { kind: "updated", id: existing.id, previous } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    if (undo.kind === "created") {
      await routing.deleteLocationProfiles(undo.id)
    } else {
      await routing.updateLocationProfiles({ id: undo.id, ...undo.previous })
    }
  }
)
