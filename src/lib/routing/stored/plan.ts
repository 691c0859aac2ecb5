import { z } from "zod"
import type { PlanInput, PlanStatus, Remainder, Shipment } from "../types"
import { readColumn } from "./column"

/** What the planner saw when it decided: the plan input without the rule set (it is replayed with another). */
export type StoredPlanInput = Omit<PlanInput, "rule_set">

/**
 * `oms_routing_decision.plan`: what the planner (or a person, after a move) made, plus what
 * routing needs later. Fields added over time default to empty, so older rows read the same:
 * `input` is null on decisions made before it was kept (the simulator counts those as skipped).
 */
export type StoredPlan = {
  /** Written by moves (the remade plan's status); the decision's own `status` column is the truth. */
  status?: PlanStatus
  shipments: Shipment[]
  unallocated: Remainder[]
  /** Planner line ids whose reservations the last routing moved. */
  moved_lines: string[]
  /** Locations people rejected for this order: routing leaves them out from then on. */
  excluded_location_ids: string[]
  input: StoredPlanInput | null
}

const plannedLine = {
  line_id: z.string(),
  inventory_item_id: z.string(),
  quantity: z.number(),
}

export const storedShipmentSchema = z.looseObject({
  location_id: z.string(),
  location_name: z.string().default(""),
  lines: z.array(z.looseObject(plannedLine)).default([]),
  value: z.number().default(0),
  distance_km: z.number().nullable().default(null),
})

const remainderSchema = z.looseObject({
  ...plannedLine,
  reason: z.string().default(""),
  backorder_location_id: z.string().optional(),
})

const stockLevelSchema = z.looseObject({
  stocked: z.number(),
  reserved: z.number(),
  safety_stock: z.number().optional(),
})

const pointSchema = z.looseObject({ lat: z.number(), lng: z.number() })

const candidateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  priority: z.number(),
  markets: z.array(z.string()),
  daily_capacity: z.number().nullable(),
  capacity_used_today: z.number(),
  safety_stock: z.number(),
  point: pointSchema.nullish(),
  stock: z.record(z.string(), stockLevelSchema),
})

const inputSchema = z.looseObject({
  lines: z.array(z.looseObject({ ...plannedLine, unit_value: z.number() })),
  address: z.looseObject({ country_code: z.string(), point: pointSchema.nullish() }),
  facts: z.looseObject({ sales_channel_id: z.string().nullish() }),
  candidates: z.array(candidateSchema),
})

const planSchema = z
  .looseObject({
    status: z.enum(["routed", "partially_routed", "held", "backordered"]).optional(),
    shipments: z.array(storedShipmentSchema).default([]),
    unallocated: z.array(remainderSchema).default([]),
    moved_lines: z.array(z.string()).default([]),
    excluded_location_ids: z.array(z.string()).default([]),
    input: inputSchema.nullish().transform((i) => i ?? null),
  })
  .nullish()
  .transform((p) => p ?? { shipments: [], unallocated: [], moved_lines: [], excluded_location_ids: [], input: null })

/** Reads a decision's `plan`; null (nothing stored) reads as an empty plan, a wrong shape throws StoredJsonError. */
export function parseStoredPlan(value: unknown, decisionId?: string): StoredPlan {
  return readColumn<StoredPlan>("oms_routing_decision.plan", planSchema, value, decisionId)
}

/** Reads only a plan's shipments (the part picking needs), e.g. from `plan->'shipments'`. */
export function parseStoredShipments(value: unknown, decisionId?: string): Shipment[] {
  return readColumn<Shipment[]>(
    "oms_routing_decision.plan",
    z.array(storedShipmentSchema).nullish().transform((s) => s ?? []),
    value,
    decisionId
  )
}
