import { z } from "@medusajs/framework/zod"

/** A date or date-time in ISO 8601; the 400 names the field and shows both forms. */
export const isoDate = (field: string) =>
  z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), {
      message: `Field '${field}' must be an ISO date (2026-11-22 or 2026-11-22T10:00:00Z)`,
    })

/**
 * POST /admin/oms/simulations: replay past decisions through a rule set. The window is either
 * the last N decisions or those created from one date to another (a bare `to` date includes that day).
 */
export const AdminCreateSimulation = z
  .object({
    rule_set_id: z.string().min(1),
    last: z.number().int().min(1).max(5000).optional(),
    from: isoDate("from").optional(),
    to: isoDate("to").optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const range = body.from !== undefined || body.to !== undefined
    if (body.last !== undefined && range) {
      ctx.addIssue({ code: "custom", path: ["last"], message: "Field 'last' cannot be combined with 'from' and 'to'; choose one window" })
    } else if (body.last === undefined && !range) {
      ctx.addIssue({ code: "custom", path: ["last"], message: "Field 'last' (or 'from' and 'to') is required" })
    } else if (range && body.from === undefined) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "Field 'from' is required with 'to'" })
    } else if (range && body.to === undefined) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Field 'to' is required with 'from'" })
    } else if (range && Date.parse(body.from!) > Date.parse(body.to!)) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "Field 'from' must not be after 'to'" })
    }
  })

export type AdminCreateSimulationType = z.infer<typeof AdminCreateSimulation>
