/**
 * Moves the seeded history back in time. The seed runs each history order's steps one after
 * the other, just now; the clock notes the wall-clock moment each step was reached, which cuts
 * the run into slices (order 3, packed -> shipped). Afterwards every timestamp column of every
 * table is rewritten in one transaction: a value inside a slice is mapped linearly onto that
 * step's planned time span (a shipment written during the "shipped" slice lands just before the
 * planned shipping hour). Whatever a workflow wrote, in whichever module, moves with its order,
 * without this file knowing any module's tables.
 */
/** The knex connection Medusa registers as PG_CONNECTION (typed loosely: scripts have no knex types). */
type Knex = any

export const STEP_NAMES = [
  "placed",
  "routed",
  "picked",
  "packed",
  "shipped",
  "delivered",
  "return_requested",
  "return_received",
  "return_resolved",
] as const
export type StepName = (typeof STEP_NAMES)[number]

/** Wall-clock [ws, we) mapped onto planned [ts, te]. */
export type Slice = { ws: Date; we: Date; ts: Date; te: Date }

const MINUTE = 60_000

/** Where a wall-clock instant lands (the SQL in `rewrite` does the same per column); null outside every slice. */
export function mapInstant(slices: Slice[], at: Date): Date | null {
  const t = at.getTime()
  const slice = slices.find((s) => t >= s.ws.getTime() && t < s.we.getTime())
  if (!slice) return null
  const share = (t - slice.ws.getTime()) / (slice.we.getTime() - slice.ws.getTime())
  return new Date(slice.ts.getTime() + share * (slice.te.getTime() - slice.ts.getTime()))
}

type Current = { plan: Partial<Record<StepName, Date>>; wall: Date; target: Date }

export class HistoryClock {
  readonly slices: Slice[] = []
  private current: Current | null = null

  /** `now` is the wall clock (a test passes its own). */
  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Starts the next order (closing the one before); `plan` holds its steps' planned times. */
  order(plan: Partial<Record<StepName, Date>>) {
    const now = this.now()
    this.close(now)
    // The cart and checkout happen in the few minutes before the order is placed.
    this.current = { plan, wall: now, target: new Date(plan.placed!.getTime() - 5 * MINUTE) }
    return {
      reached: (step: StepName) => this.reached(step),
      abandon: () => undefined,
    }
  }

  private reached(step: StepName) {
    const current = this.current!
    const at = current.plan[step]
    if (!at) throw new Error(`the history plan has no time for step ${step}`)
    const wall = this.now()
    this.push({ ws: current.wall, we: wall, ts: current.target, te: at })
    current.wall = wall
    current.target = at
  }

  /** What an order's subscribers write after its last step stays a minute after it. */
  private close(at: Date) {
    if (!this.current) return
    const { wall, target } = this.current
    this.push({ ws: wall, we: at, ts: target, te: new Date(target.getTime() + MINUTE) })
    this.current = null
  }

  private push(slice: Slice) {
    if (slice.we.getTime() > slice.ws.getTime()) this.slices.push(slice)
  }

  /** Rewrites every timestamp written during the slices; returns how many values moved. */
  /** Closes the last order's slice (done by `rewrite`). */
  finish() {
    this.close(this.now())
  }

  async rewrite(pg: Knex): Promise<number> {
    this.finish()
    if (!this.slices.length) return 0
    return pg.transaction(async (trx) => {
      await trx.raw(`CREATE TEMP TABLE oms_history_slice (ws timestamptz, we timestamptz, ts timestamptz, te timestamptz) ON COMMIT DROP`)
      await trx("oms_history_slice").insert(this.slices)
      const { rows: columns } = await trx.raw(
        `SELECT c.table_name, c.column_name
           FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            AND c.data_type IN ('timestamp with time zone', 'timestamp without time zone')`
      )
      const bounds = await trx.raw(`SELECT min(ws) AS lo, max(we) AS hi FROM oms_history_slice`)
      const { lo, hi } = bounds.rows[0]
      let moved = 0
      for (const { table_name, column_name } of columns as { table_name: string; column_name: string }[]) {
        const t = `"${table_name.replace(/"/g, '""')}"`
        const c = `"${column_name.replace(/"/g, '""')}"`
        const result = await trx.raw(
          `UPDATE ${t} SET ${c} = s.ts + (${c} - s.ws) * (EXTRACT(EPOCH FROM s.te - s.ts) / EXTRACT(EPOCH FROM s.we - s.ws))
             FROM oms_history_slice s
            WHERE ${c} >= ? AND ${c} < ? AND ${c} >= s.ws AND ${c} < s.we`,
          [lo, hi]
        )
        moved += result.rowCount ?? 0
      }
      return moved
    })
  }
}
