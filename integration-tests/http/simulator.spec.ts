import { Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { geocodeAddress } from "../../src/lib/geo"
import { defaultRuleSet, planAllocation, RuleSet } from "../../src/lib/routing"
import { compareReplay, describeChange, summarise } from "../../src/lib/routing/simulate"
import { adminHeaders } from "../helpers/admin"
import { placeRoutedOrder } from "../helpers/orders"
import { waitForDecisions } from "../helpers/routing"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let noNewark: { id: string; definition: RuleSet }

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 8 })
      await waitForDecisions(getContainer(), store.order_ids)
    })

    beforeEach(async () => {
      // The database goes back to its state after beforeAll before every test: a fresh draft each time.
      admin = await adminHeaders(getContainer(), api)
      const definition: RuleSet = {
        ...defaultRuleSet(),
        rules: [
          { kind: "filter", type: "exclude_locations", params: { location_ids: [store.locations.newark] } },
          ...defaultRuleSet().rules,
        ],
      }
      const { data } = await api.post("/admin/oms/rule-sets", { name: "Simulated: no Newark", definition }, admin)
      noNewark = data.rule_set
    })

    const routing = () => getContainer().resolve("oms_routing") as any

    /** Polls until the simulation stops moving (done, canceled or failed). */
    async function settled(id: string) {
      const until = Date.now() + 60_000
      for (;;) {
        const { data } = await api.get(`/admin/oms/simulations/${id}`, admin)
        if (!["queued", "running"].includes(data.simulation.status)) return data.simulation
        if (Date.now() > until) throw new Error(`simulation ${id} still ${data.simulation.status} after 60 s`)
        await new Promise((r) => setTimeout(r, 100))
      }
    }

    /** `count` more decisions, copies of the seeded ones for made-up orders: a large window. */
    async function copyDecisions(count: number, orderPrefix: string) {
      const seeded = await routing().listRoutingDecisions({}, { take: null })
      const copies = Array.from({ length: count }, (_, i) => {
        const d = seeded[i % seeded.length]
        return { order_id: `${orderPrefix}${i}`, status: d.status, method: d.method, rule_set: d.rule_set, location_ids: d.location_ids, plan: d.plan, trace: d.trace, history: d.history }
      })
      await routing().createRoutingDecisions(copies)
    }

    /** The rows a direct planner run over each decision's stored input gives, by decision id. */
    async function expectedRows(decisionIds: string[], definition: RuleSet) {
      const decisions = await routing().listRoutingDecisions({ id: decisionIds }, { take: null })
      return new Map(
        decisions.map((d: any) => {
          const replay = planAllocation({ ...d.plan.input, rule_set: definition }, { geocode: geocodeAddress })
          // The row also says how the replay placed the address.
          return [d.id, { ...compareReplay(d.plan, replay), placement: replay.trace.placement }]
        })
      )
    }

    it("replays the last 8 orders through a draft rule set, as the planner would on the stock they saw", async () => {
      const res = await api.post("/admin/oms/simulations", { rule_set_id: noNewark.id, last: 8 }, admin)
      expect(res.status).toBe(202)
      expect(res.data.simulation).toEqual(expect.objectContaining({ status: "queued", rule_set_id: noNewark.id, window: { last: 8 } }))

      const simulation = await settled(res.data.simulation.id)
      expect(simulation.status).toBe("done")
      expect(simulation.progress).toEqual({ done: 8, total: 8, skipped: 0 })
      expect(simulation.rows).toHaveLength(8)
      expect(new Set(simulation.rows.map((r: any) => r.order_id))).toEqual(new Set(store.order_ids))

      const expected = await expectedRows(simulation.rows.map((r: any) => r.decision_id), noNewark.definition)
      for (const row of simulation.rows) {
        const { decision_id, order_id, live_rule_set, day, capacity, ...comparison } = row
        expect(comparison).toEqual(expected.get(decision_id))
        expect(day).toBe(new Date().toISOString().slice(0, 10)) // the test app runs in UTC
        expect(capacity).toEqual({}) // no demo warehouse has a daily capacity
        expect(row.draft.locations).not.toContain(store.locations.newark)
      }

      // Totals add up.
      expect(simulation.totals).toEqual({ ...summarise(simulation.rows), skipped: 0 })
      expect(simulation.totals.orders).toBe(8)
      const sum = (pick: (r: any) => number) => simulation.rows.reduce((s: number, r: any) => s + pick(r), 0)
      expect(simulation.totals.live.shipments).toBe(sum((r) => r.live.shipments))
      expect(simulation.totals.draft.shipments).toBe(sum((r) => r.draft.shipments))
      expect(simulation.totals.delta.shipments).toBe(simulation.totals.draft.shipments - simulation.totals.live.shipments)
      expect(simulation.totals.draft.load[store.locations.newark] ?? 0).toBe(0)
      expect(simulation.totals.draft.capacity_breaches).toBe(0)

      const csv = await api.get(`/admin/oms/simulations/${simulation.id}/rows.csv`, admin)
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
      const lines = String(csv.data).trim().split("\n")
      expect(lines[0]).toBe(
        "order_id,display_id,live_locations,draft_locations,live_shipments,draft_shipments,live_km,draft_km,live_unallocated,draft_unallocated,changed,placed_by"
      )
      expect(lines).toHaveLength(9)
      expect(lines.slice(1).map((l) => l.split(",")[0]).sort()).toEqual([...store.order_ids].sort())
      expect(lines.slice(1).every((l) => /^\S+,\d+,/.test(l))).toBe(true)
      // Each replay says how it placed the order's address: the demo shoppers' postal codes are all known.
      expect(lines.slice(1).every((l) => l.endsWith(",postal_code"))).toBe(true)
    })

    it("reads a large window in batches of 100 and counts every decision", async () => {
      await copyDecisions(242, "order_copy_")
      const { data } = await api.post("/admin/oms/simulations", { rule_set_id: noNewark.id, last: 5000 }, admin)
      const simulation = await settled(data.simulation.id)
      expect(simulation.status).toBe("done")
      expect(simulation.progress).toEqual({ done: 250, total: 250, skipped: 0 })
      expect(new Set(simulation.rows.map((r: any) => r.decision_id)).size).toBe(250)
      expect(simulation.totals.orders).toBe(250)
    })

    it("replays the decisions of a date range", async () => {
      const today = new Date().toISOString().slice(0, 10)
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
      const { data } = await api.post("/admin/oms/simulations", { rule_set_id: noNewark.id, from: yesterday, to: today }, admin)
      const simulation = await settled(data.simulation.id)
      expect(simulation.status).toBe("done")
      expect(simulation.rows).toHaveLength(8)
      expect(simulation.progress).toEqual({ done: 8, total: 8, skipped: 0 })
    })

    it("a simulation canceled while queued never runs", async () => {
      const queued = await routing().createSimulations({
        rule_set_id: noNewark.id,
        window: { last: 5000 },
        status: "queued",
        progress: { done: 0, total: null, skipped: 0 },
      })
      const { data } = await api.post(`/admin/oms/simulations/${queued.id}/cancel`, {}, admin)
      expect(data.simulation.status).toBe("canceled")

      // The runner receives the event anyway and leaves the simulation alone.
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const ran = TestEventUtils.waitSubscribersExecution("oms.simulation.requested", eventBus)
      await eventBus.emit({ name: "oms.simulation.requested", data: { id: queued.id } })
      await ran
      const { data: after } = await api.get(`/admin/oms/simulations/${queued.id}`, admin)
      expect(after.simulation).toEqual(expect.objectContaining({ status: "canceled", rows: null, totals: null }))
      expect(after.simulation.progress.done).toBe(0)
    })

    it("a canceled run ends canceled, and a finished one stays done", async () => {
      const { data } = await api.post("/admin/oms/simulations", { rule_set_id: noNewark.id, last: 5000 }, admin)
      const { data: canceled } = await api.post(`/admin/oms/simulations/${data.simulation.id}/cancel`, {}, admin)
      const final = await settled(data.simulation.id)
      // Either the cancel arrived before the only batch finished, or the run was already done.
      expect(final.status).toBe(canceled.simulation.status === "canceled" ? "canceled" : "done")
      if (final.status === "canceled") expect(final.totals).toBeNull()

      const { data: done } = await api.post("/admin/oms/simulations", { rule_set_id: noNewark.id, last: 2 }, admin)
      expect((await settled(done.simulation.id)).status).toBe("done")
      const { data: again } = await api.post(`/admin/oms/simulations/${done.simulation.id}/cancel`, {}, admin)
      expect(again.simulation.status).toBe("done")
    })

    it("refuses a window that is not exactly one of last, or from and to, naming the field", async () => {
      const post = (body: Record<string, unknown>) =>
        api.post("/admin/oms/simulations", { rule_set_id: noNewark.id, ...body }, admin).catch((e: any) => e.response)
      const cases: [Record<string, unknown>, string][] = [
        [{}, "'last'"],
        [{ last: 0 }, "'last'"],
        [{ last: 5001 }, "'last'"],
        [{ last: 1.5 }, "'last'"],
        [{ last: 5, from: "2026-01-01", to: "2026-02-01" }, "'last'"],
        [{ from: "2026-01-01" }, "'to'"],
        [{ to: "2026-01-01" }, "'from'"],
        [{ from: "yesterday", to: "2026-01-01" }, "'from'"],
        [{ from: "2026-02-01", to: "2026-01-01" }, "'from'"],
      ]
      for (const [body, field] of cases) {
        const res = await post(body)
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
        expect(res.data.message).toContain(field)
      }
      const missing = await api.post("/admin/oms/simulations", { last: 5 }, admin).catch((e: any) => e.response)
      expect(missing.status).toBe(400)
      expect(missing.data.message).toContain("rule_set_id")

      // An unknown id in the body is bad input: 400 (was 404), naming the field.
      const unknown = await api.post("/admin/oms/simulations", { rule_set_id: "orset_nope", last: 5 }, admin).catch((e: any) => e.response)
      expect([unknown.status, unknown.data.message]).toEqual([400, "rule_set_id: rule set with id: orset_nope was not found"])
      const none = await api.get("/admin/oms/simulations/osim_nope", admin).catch((e: any) => e.response)
      expect(none.status).toBe(404)
    })

    it("skips decisions made before they kept what the planner saw", async () => {
      await routing().createRoutingDecisions({
        order_id: "order_from_before",
        status: "routed",
        method: "exact",
        location_ids: [store.locations.newark],
        plan: { shipments: [], unallocated: [] },
        trace: {},
        history: { entries: [] },
      })
      const { data } = await api.post("/admin/oms/simulations", { rule_set_id: noNewark.id, last: 1 }, admin)
      const simulation = await settled(data.simulation.id)
      expect(simulation.status).toBe("done")
      expect(simulation.progress).toEqual({ done: 1, total: 1, skipped: 1 })
      expect(simulation.rows).toEqual([])
      expect(simulation.totals).toEqual(expect.objectContaining({ orders: 0, skipped: 1 }))
    })

    it("a run canceled while it replays stops at the next batch and keeps what it read", async () => {
      await copyDecisions(3000, "order_many_")
      const { data } = await api.post("/admin/oms/simulations", { rule_set_id: noNewark.id, last: 5000 }, admin)
      const id = data.simulation.id

      // Wait until it is under way, then cancel.
      const until = Date.now() + 60_000
      for (;;) {
        const { data: now } = await api.get(`/admin/oms/simulations/${id}`, admin)
        if (now.simulation.status === "running") expect(now.simulation.rows).toBeNull() // light while it runs
        if (now.simulation.status === "running" && now.simulation.progress.done >= 100) break
        if (now.simulation.status !== "running" && now.simulation.status !== "queued") throw new Error(`run ended ${now.simulation.status} before it could be canceled`)
        if (Date.now() > until) throw new Error("the simulation never got under way")
        await new Promise((r) => setTimeout(r, 20))
      }
      const { data: canceled } = await api.post(`/admin/oms/simulations/${id}/cancel`, {}, admin)
      expect(canceled.simulation.status).toBe("canceled")

      const final = await settled(id)
      expect(final.status).toBe("canceled")
      expect(final.totals).toBeNull()
      expect(final.progress.total).toBe(3008)
      expect(final.progress.done).toBeLessThan(3008)
      // Nothing moves after the cancel has been seen.
      await new Promise((r) => setTimeout(r, 1500))
      const { data: later } = await api.get(`/admin/oms/simulations/${id}`, admin)
      expect(later.simulation.progress.done).toBe(final.progress.done)
      expect(later.simulation.rows).toHaveLength(final.rows.length)
    })

    describe("shadow mode", () => {
      const orderTo = async (city: string, items: Record<string, number>) =>
        (await placeRoutedOrder(getContainer(), store, city, items, { email: "shadow@example.com" })).order_id

      async function shadowResults(id: string, expected: number) {
        const until = Date.now() + 60_000
        for (;;) {
          const { data } = await api.get(`/admin/oms/rule-sets/${id}/shadow-results?limit=200`, admin)
          if (data.planned >= expected) return data
          if (Date.now() > until) throw new Error(`only ${data.planned} of ${expected} orders planned in shadow`)
          await new Promise((r) => setTimeout(r, 100))
        }
      }

      it("plans every new order with the draft in shadow and counts each disagreement once", async () => {
        const { data: on } = await api.post(`/admin/oms/rule-sets/${noNewark.id}/shadow`, { enabled: true }, admin)
        expect(on.rule_set).toEqual(
          expect.objectContaining({ id: noNewark.id, shadow: true, shadow_stats: { planned: 0, disagreements: 0 } })
        )

        // Boston and New York ship from Newark live; the draft cannot use Newark. London does not change.
        const orders = [
          await orderTo("Boston", { "TEE-L": 1 }),
          await orderTo("New York", { "MUG-WHT": 1 }),
          await orderTo("London", { "TEE-S": 1 }),
        ]
        const data = await shadowResults(noNewark.id, 3)
        expect(new Set(data.results.map((r: any) => r.order_id))).toEqual(new Set(orders))

        // The same comparison a direct planner run on each decision's stored input gives.
        const decisions = await routing().listRoutingDecisions({ order_id: orders }, { take: null })
        let disagreements = 0
        for (const d of decisions) {
          const comparison = compareReplay(d.plan, planAllocation({ ...d.plan.input, rule_set: noNewark.definition }, { geocode: geocodeAddress }))
          const row = data.results.find((r: any) => r.order_id === d.order_id)
          expect(row).toEqual(expect.objectContaining({ decision_id: d.id, agrees: !comparison.changed, live: comparison.live, shadow: comparison.draft }))
          const names = Object.fromEntries(d.plan.input.candidates.map((c: any) => [c.id, c.name]))
          expect(row.changes).toBe(describeChange(comparison, names))
          if (comparison.changed) disagreements++
        }
        expect(disagreements).toBeGreaterThanOrEqual(2) // Boston and New York
        expect(data.disagreements).toBe(disagreements)
        expect(data.planned).toBe(3) // the 8 orders placed before shadow was on are not planned
        const boston = data.results.find((r: any) => r.order_id === orders[0])
        expect(boston.changes).toMatch(/instead of Newark DC/)

        // Delivered again, and re-routed by hand: still one row per order, counted once.
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const again = TestEventUtils.waitSubscribersExecution("oms.order.routed", eventBus)
        await eventBus.emit([
          { name: "oms.order.routed", data: { id: orders[0], status: "routed" } },
          { name: "oms.order.routed", data: { id: orders[0], status: "routed" } },
        ])
        await again
        await api.post(`/admin/oms/orders/${orders[1]}/route`, {}, admin)
        await new Promise((r) => setTimeout(r, 1000))
        const rows = await routing().listShadowResults({ rule_set_id: noNewark.id }, { take: null })
        expect(rows).toHaveLength(3)
        const { data: list } = await api.get("/admin/oms/rule-sets", admin)
        const listed = list.rule_sets.find((r: any) => r.id === noNewark.id)
        expect(listed.shadow_stats).toEqual({ planned: 3, disagreements })

        const { data: evidence } = await api.get(`/admin/oms/rule-sets/${noNewark.id}/shadow-results?disagreements_only=true`, admin)
        expect(evidence.results).toHaveLength(disagreements)
        expect(evidence.results.every((r: any) => !r.agrees && r.display_id > 0)).toBe(true)

        // Switched off: new orders are no longer planned with it.
        await api.post(`/admin/oms/rule-sets/${noNewark.id}/shadow`, { enabled: false }, admin)
        await orderTo("Boston", { "TEE-L": 1 })
        await new Promise((r) => setTimeout(r, 1000))
        expect(await routing().listShadowResults({ rule_set_id: noNewark.id }, { take: null })).toHaveLength(3)
      })

      it("runs only drafts in shadow and names the field it refuses", async () => {
        const bad = await api.post(`/admin/oms/rule-sets/${noNewark.id}/shadow`, { enabled: "yes" }, admin).catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/enabled/)
        const badQuery = await api.get(`/admin/oms/rule-sets/${noNewark.id}/shadow-results?limit=0`, admin).catch((e: any) => e.response)
        expect(badQuery.status).toBe(400)
        expect(badQuery.data.message).toBe("Invalid request: Field 'limit' must be at least 1")
        const badFlag = await api
          .get(`/admin/oms/rule-sets/${noNewark.id}/shadow-results?disagreements_only=yes`, admin)
          .catch((e: any) => e.response)
        expect([badFlag.status, badFlag.data.message]).toEqual([
          400,
          "Invalid request: Field 'disagreements_only' must be one of: true, false (got 'yes')",
        ])

        await api.post(`/admin/oms/rule-sets/${noNewark.id}/activate`, {}, admin)
        const refused = await api.post(`/admin/oms/rule-sets/${noNewark.id}/shadow`, { enabled: true }, admin).catch((e: any) => e.response)
        // Shadow on an active version is a state conflict: 409 (was 400), the sentence kept.
        expect([refused.status, refused.data.type]).toEqual([409, "conflict"])
        expect(refused.data.message).toMatch(/only drafts/)
        const missing = await api.post(`/admin/oms/rule-sets/orset_missing/shadow`, { enabled: true }, admin).catch((e: any) => e.response)
        expect(missing.status).toBe(404)
      })
    })

    it("keeps a rule set's history: who created, edited, shadowed, activated and archived each version", async () => {
      const id = noNewark.id
      await api.post(`/admin/oms/rule-sets/${id}`, { definition: { ...noNewark.definition, partial: "hold" } }, admin)
      await api.post(`/admin/oms/rule-sets/${id}/shadow`, { enabled: true }, admin)
      await api.post(`/admin/oms/rule-sets/${id}/activate`, {}, admin)
      const { data: copy } = await api.post(`/admin/oms/rule-sets/${id}/duplicate`, {}, admin)
      await api.post(`/admin/oms/rule-sets/${copy.rule_set.id}/activate`, {}, admin)

      const { data } = await api.get("/admin/oms/rule-sets", admin)
      const first = data.rule_sets.find((r: any) => r.id === id)
      const second = data.rule_sets.find((r: any) => r.id === copy.rule_set.id)
      const lines = (set: any) => set.history.entries.map((e: any) => [e.action, e.summary, e.actor_email])
      expect(first.created_by_email).toBe("admin@medusa-oms.test")
      expect(lines(first)).toEqual([
        ["created", "Created", "admin@medusa-oms.test"],
        ["edited", "Rules edited (8 rules, split allowed, partial hold)", "admin@medusa-oms.test"],
        ["shadow_on", "Shadow mode on", "admin@medusa-oms.test"],
        ["activated", "Activated", "admin@medusa-oms.test"],
        ["archived", `Replaced by "Simulated: no Newark" v${second.version}`, "admin@medusa-oms.test"],
      ])
      expect(lines(second)).toEqual([
        ["created", `Duplicated from "Simulated: no Newark" v${first.version}`, "admin@medusa-oms.test"],
        ["activated", `Activated, replacing "Simulated: no Newark" v${first.version}`, "admin@medusa-oms.test"],
      ])
      expect(first.history.entries.every((e: any) => !Number.isNaN(Date.parse(e.at)))).toBe(true)
    })
  },
})
