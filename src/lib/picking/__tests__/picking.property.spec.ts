import fc from "fast-check"
import {
  applyScan,
  binsToCsv,
  binWalkSequence,
  buildPickList,
  compareStops,
  parseBinsCsv,
  scanProgress,
  shortAllocations,
  startScan,
  type PickListInput,
  type ScanEvent,
  type ScanState,
  type WalkOrder,
} from ".."
import type { WalkPosition } from "../walk-order"

const binCode = fc
  .record({
    zone: fc.stringMatching(/^[A-Z]{1,2}$/),
    aisle: fc.integer({ min: 0, max: 99 }),
    shelf: fc.integer({ min: 0, max: 99 }),
    slot: fc.oneof(fc.stringMatching(/^[A-Z]$/), fc.integer({ min: 0, max: 99 }).map(String)),
  })
  .map(({ zone, aisle, shelf, slot }) => `${zone}-${String(aisle).padStart(2, "0")}-${shelf}-${slot}`)

const walkOrder: fc.Arbitrary<WalkOrder> = fc.record({
  segments: fc.shuffledSubarray(["zone", "aisle", "shelf", "slot"] as const, { minLength: 4, maxLength: 4 }).map((s) => [...s]),
  serpentine: fc.boolean(),
})

const position: fc.Arbitrary<WalkPosition> = fc.record({
  walk_sequence: fc.option(fc.integer({ min: 0, max: 50 })),
  bin_code: fc.option(fc.constantFrom("A-1", "a-1", "A-01", "A-2", "A-10", "B", "b")),
  sku: fc.option(fc.constantFrom("MUG", "mug", "CAP")),
  inventory_item_id: fc.constantFrom("i1", "i2"),
})

/** A random wave: up to 12 orders, lines over 6 items, some items without a bin. */
const waveInput: fc.Arbitrary<PickListInput> = fc
  .record({
    orders: fc.integer({ min: 1, max: 12 }),
    lines: fc.array(fc.record({ order: fc.nat(), item: fc.integer({ min: 0, max: 5 }), quantity: fc.integer({ min: 1, max: 4 }) }), {
      minLength: 1,
      maxLength: 30,
    }),
    bins: fc.array(fc.option(binCode, { nil: null }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ orders, lines, bins }) => ({
    wave_id: "owave_P",
    location_name: "Newark DC",
    orders: Array.from({ length: orders }, (_, i) => ({ order_id: `o${i}`, display_id: 1000 + i, tote: i + 1 })),
    lines: lines.map((l, i) => ({
      order_id: `o${l.order % orders}`,
      line_item_id: `li${i}`,
      inventory_item_id: `item${l.item}`,
      sku: `SKU${l.item}`,
      barcode: null,
      product_title: `Item ${l.item}`,
      variant_title: null,
      quantity: l.quantity,
    })),
    bins: Object.fromEntries(
      bins.flatMap((code, i) => (code === null ? [] : [[`item${i}`, { code, walk_sequence: binWalkSequence(code) }]]))
    ),
  }))

const unitsByOrder = (pairs: { order_id: string; quantity: number }[]) => {
  const totals: Record<string, number> = {}
  for (const { order_id, quantity } of pairs) totals[order_id] = (totals[order_id] ?? 0) + quantity
  return totals
}

describe("picking invariants", () => {
  it("walk order is a total order: antisymmetric, transitive, and only equal for the same stop", () => {
    fc.assert(
      fc.property(position, position, position, (a, b, c) => {
        expect(Math.sign(compareStops(a, b)) + Math.sign(compareStops(b, a))).toBe(0)
        if (compareStops(a, b) <= 0 && compareStops(b, c) <= 0) expect(compareStops(a, c)).toBeLessThanOrEqual(0)
        if (compareStops(a, b) === 0) expect(a).toEqual(b)
      })
    )
  })

  it("different bin codes never share a walk sequence, in any walk order", () => {
    fc.assert(
      fc.property(binCode, binCode, walkOrder, (a, b, order) => {
        if (a !== b) expect(binWalkSequence(a, order)).not.toBe(binWalkSequence(b, order))
      })
    )
  })

  it("a pick list keeps every unit of every order, and its stops follow the walk", () => {
    fc.assert(
      fc.property(waveInput, (input) => {
        const list = buildPickList(input)
        const shares = list.stops.flatMap((s) => s.breakdown)
        expect(unitsByOrder(shares)).toEqual(unitsByOrder(input.lines))
        expect(list.units).toBe(input.lines.reduce((sum, l) => sum + l.quantity, 0))
        list.stops.forEach((stop, i) => {
          expect(stop.index).toBe(i)
          expect(stop.quantity).toBe(stop.breakdown.reduce((sum, s) => sum + s.quantity, 0))
          if (i > 0) expect(compareStops(list.stops[i - 1], stop)).toBeLessThan(0)
        })
        expect(new Set(list.stops.map((s) => s.inventory_item_id)).size).toBe(list.stops.length)
      })
    )
  })

  it("a short pick takes exactly the missing units, never more than a line has", () => {
    fc.assert(
      fc.property(waveInput, fc.nat(), fc.nat(), (input, which, found) => {
        const list = buildPickList(input)
        const stop = list.stops[which % list.stops.length]
        const quantityFound = found % (stop.quantity + 1)
        const missing = shortAllocations(stop, quantityFound)
        expect(missing.reduce((sum, m) => sum + m.quantity_missing, 0)).toBe(stop.quantity - quantityFound)
        for (const m of missing) {
          const line = stop.breakdown.find((s) => s.line_item_id === m.line_item_id)!
          expect(m.quantity_missing).toBeGreaterThan(0)
          expect(m.quantity_missing).toBeLessThanOrEqual(line.quantity)
        }
      })
    )
  })

  it("whatever is scanned, picked plus short never exceeds a stop and the wave ends only when every stop is closed", () => {
    // Moves are resolved against the current stop, so right and wrong scans both happen often.
    type Move = { kind: "right_bin" | "wrong_bin" | "right_item" | "wrong_item" | "quantity" | "short"; n: number; reason: string }
    const move: fc.Arbitrary<Move> = fc.record({
      kind: fc.constantFrom("right_bin", "wrong_bin", "right_item", "right_item", "wrong_item", "quantity", "short"),
      n: fc.integer({ min: -1, max: 6 }),
      reason: fc.constantFrom("", "empty"),
    })
    const toEvent = (state: ScanState, m: Move): ScanEvent => {
      const stop = state.stops.find((s) => s.index === state.current)
      switch (m.kind) {
        case "right_bin":
          return { type: "bin", code: stop?.bin_code ?? "A-01-1-A" }
        case "wrong_bin":
          return { type: "bin", code: "X-99-9-Z" }
        case "right_item":
          return { type: "item", code: stop?.sku ?? "SKU0" }
        case "wrong_item":
          return { type: "item", code: "nope" }
        case "quantity":
          return { type: "quantity", quantity: m.n }
        case "short":
          return { type: "short", quantity_found: m.n, reason: m.reason }
      }
    }
    fc.assert(
      fc.property(waveInput, fc.array(move, { maxLength: 80 }), (input, moves) => {
        let state = startScan(buildPickList(input))
        for (const m of moves) {
          const before = JSON.stringify(state)
          const { state: next, outcome } = applyScan(state, toEvent(state, m))
          if (!outcome.ok) expect(JSON.stringify(next)).toBe(before)
          state = next
          for (const stop of state.stops) {
            expect(stop.picked + stop.short).toBeLessThanOrEqual(stop.quantity)
            // Stops are closed strictly in walk order: all before the current one, none after it.
            if (state.current !== null && stop.index < state.current) expect(stop.picked + stop.short).toBe(stop.quantity)
            if (state.current !== null && stop.index > state.current) expect(stop.picked + stop.short).toBe(0)
          }
        }
        const progress = scanProgress(state)
        expect(progress.units_picked + progress.units_short).toBeLessThanOrEqual(progress.units_total)
        if (state.current === null) {
          expect(progress.stops_done).toBe(progress.stops_total)
          for (const stop of state.stops) expect(stop.picked + stop.short).toBe(stop.quantity)
        }
      })
    )
  })

  it("bins CSV round-trips", () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.trim() !== "")
    const row = fc.record({
      location: text,
      sku: text,
      bin: binCode,
      walk_sequence: fc.option(fc.integer({ min: 0, max: 2_147_483_647 })),
    })
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.location.toLowerCase()}|${r.sku.toLowerCase()}`, maxLength: 10 }), (rows) => {
        const { rows: read, errors } = parseBinsCsv(binsToCsv(rows))
        expect(errors).toEqual([])
        expect(read.map(({ line, ...r }) => r)).toEqual(rows)
      })
    )
  })
})
