import type { Disposition, Grade } from "../../../lib/returns/types"

/**
 * The inspection's rules, as plain data in and out (no I/O, no Medusa): which entries are
 * acceptable for a case, what each entry's disposition and location are, and how the units
 * map onto Medusa's receive flow: restocked units are received (RECEIVE_RETURN_ITEM) in one
 * receive session per restock location, every other unit of a line is dismissed
 * (RECEIVE_DAMAGED_RETURN_ITEM), so Medusa's counters add up and nothing else is restocked.
 */

/** What each grade may become; the first is the default. */
export const DISPOSITIONS_BY_GRADE: Record<Grade, Disposition[]> = {
  new: ["restock"],
  opened: ["restock", "refurbish", "return_to_vendor"],
  damaged: ["write_off", "refurbish", "return_to_vendor"],
  missing: ["none"],
  wrong_item: ["none"],
}

export const gradeDefaultDisposition = (grade: Grade): Disposition => DISPOSITIONS_BY_GRADE[grade][0]

export type PlanLine = {
  id: string
  order_line_item_id: string
  sku: string | null
  title: string
  quantity: number
  keep_it: boolean
  destination_location_id: string | null
}

export type PlanEntry = {
  return_line_id: string | null
  scanned_code?: string | null
  grade: Grade
  quantity: number
  disposition?: Disposition | null
  location_id?: string | null
  note?: string | null
}

/** Medusa's return item of one order line: how many it asks back and how many were received. */
export type MedusaReturnItem = { item_id: string; quantity: number; received_quantity: number }

export type PlannedRecord = {
  return_line_id: string | null
  scanned_code: string | null
  grade: Grade
  quantity: number
  disposition: Disposition
  location_id: string | null
  note: string | null
}

/** One Medusa receive session: the return's location is set to `location_id` before it. */
export type ReceiveSession = {
  /** null only for a dismiss-only session of a return without managed inventory. */
  location_id: string | null
  receive: { id: string; quantity: number }[]
  dismiss: { id: string; quantity: number }[]
}

export type InspectionPlan = {
  /** 400s: a field of the request and what is wrong with it. */
  problems: { field: string; message: string }[]
  records: PlannedRecord[]
  /** Restock locations in the order the sessions run; dismissals ride in the first session. */
  sessions: ReceiveSession[]
  /** Order lines whose units are not restocked (dismissed), incl. keep-it lines still open in Medusa. */
  dismiss: { id: string; quantity: number }[]
}

const lineName = (line: PlanLine) => line.sku ?? line.title

/**
 * Checks the entries against the case's lines and plans Medusa's receive sessions.
 * `fallbackLocationId` is where a restocked unit goes when neither the entry nor the line says.
 */
export function planInspection(input: {
  rma_code: string
  lines: PlanLine[]
  entries: PlanEntry[]
  medusa_items: MedusaReturnItem[]
  fallback_location_id: string | null
}): InspectionPlan {
  const problems: InspectionPlan["problems"] = []
  const lines = new Map(input.lines.map((l) => [l.id, l]))
  const graded = new Map<string, number>()
  const lastEntryOf = new Map<string, number>()
  const records: PlannedRecord[] = []

  input.entries.forEach((entry, index) => {
    const at = `entries.${index}`
    const allowed = DISPOSITIONS_BY_GRADE[entry.grade]
    const disposition = entry.disposition ?? allowed[0]
    if (!allowed.includes(disposition)) {
      problems.push({
        field: `${at}.disposition`,
        message: `a ${entry.grade} unit can be ${allowed.join(" or ")} (got '${disposition}')`,
      })
    }
    if (entry.grade === "wrong_item") {
      if (entry.return_line_id) {
        problems.push({ field: `${at}.return_line_id`, message: "a wrong item is not a line of the return: leave it null" })
      }
      records.push(recordOf(entry, disposition, null))
      return
    }
    const line = entry.return_line_id ? lines.get(entry.return_line_id) : undefined
    if (!line) {
      problems.push({
        field: `${at}.return_line_id`,
        message: entry.return_line_id
          ? `'${entry.return_line_id}' is not a line of return ${input.rma_code}`
          : `a ${entry.grade} entry needs the return line it grades`,
      })
      return
    }
    if (line.keep_it) {
      problems.push({
        field: `${at}.return_line_id`,
        message: `${lineName(line)} is a keep-it line of return ${input.rma_code}: the customer keeps it, it is not graded`,
      })
      return
    }
    graded.set(line.id, (graded.get(line.id) ?? 0) + entry.quantity)
    lastEntryOf.set(line.id, index)
    const location = disposition === "restock" ? entry.location_id ?? line.destination_location_id ?? input.fallback_location_id : null
    if (disposition === "restock" && !location) {
      problems.push({ field: `${at}.location_id`, message: `say where ${lineName(line)} is restocked: the line has no destination` })
    }
    records.push(recordOf(entry, disposition, location))
  })

  for (const line of input.lines) {
    if (line.keep_it) continue
    const count = graded.get(line.id) ?? 0
    if (count === line.quantity) continue
    const index = lastEntryOf.get(line.id)
    problems.push({
      field: index === undefined ? "entries" : `entries.${index}.quantity`,
      message:
        index === undefined
          ? `${lineName(line)} (line ${line.id}, ${line.quantity} units) has no entry: grade every unit of every line`
          : `${lineName(line)} has ${line.quantity} units and ${count} were graded: grade every unit exactly once`,
    })
  }
  if (problems.length) return { problems, records: [], sessions: [], dismiss: [] }

  // Per order line: units restocked per location, units dismissed.
  const lineById = lines
  const restock = new Map<string, Map<string, number>>() // location -> order line item -> qty
  const dismissed = new Map<string, number>()
  for (const r of records) {
    if (!r.return_line_id) continue
    const itemId = lineById.get(r.return_line_id)!.order_line_item_id
    if (r.disposition === "restock") {
      const at = restock.get(r.location_id!) ?? new Map<string, number>()
      at.set(itemId, (at.get(itemId) ?? 0) + r.quantity)
      restock.set(r.location_id!, at)
    } else {
      dismissed.set(itemId, (dismissed.get(itemId) ?? 0) + r.quantity)
    }
  }
  // Keep-it lines never come back; whatever Medusa still expects of them is dismissed too.
  for (const line of input.lines) {
    if (!line.keep_it) continue
    const medusa = input.medusa_items.find((i) => i.item_id === line.order_line_item_id)
    const open = medusa ? Math.min(line.quantity, medusa.quantity - medusa.received_quantity) : 0
    if (open > 0) dismissed.set(line.order_line_item_id, (dismissed.get(line.order_line_item_id) ?? 0) + open)
  }

  const sessions: ReceiveSession[] = [...restock.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([location_id, items]) => ({
      location_id,
      receive: [...items.entries()].map(([id, quantity]) => ({ id, quantity })),
      dismiss: [],
    }))
  const dismiss = [...dismissed.entries()].map(([id, quantity]) => ({ id, quantity }))
  if (sessions.length) sessions[0].dismiss = dismiss
  return { problems, records, sessions, dismiss }
}

/** Units per order line the plan receives or dismisses, to hold against what Medusa still expects. */
export function unitsByOrderLine(plan: InspectionPlan): Map<string, number> {
  const units = new Map<string, number>()
  const add = (id: string, q: number) => units.set(id, (units.get(id) ?? 0) + q)
  for (const s of plan.sessions) for (const i of s.receive) add(i.id, i.quantity)
  for (const i of plan.dismiss) add(i.id, i.quantity)
  return units
}

function recordOf(entry: PlanEntry, disposition: Disposition, location_id: string | null): PlannedRecord {
  return {
    return_line_id: entry.grade === "wrong_item" ? null : entry.return_line_id,
    scanned_code: entry.scanned_code ?? null,
    grade: entry.grade,
    quantity: entry.quantity,
    disposition,
    location_id,
    note: entry.note ?? null,
  }
}
