import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ROUTING_MODULE } from ".."
import { RoutingDecision } from "../models/routing-decision"
import RoutingModuleService from "../service"

jest.setTimeout(60_000)

const line = (item: string, quantity: number) => ({ line_id: `li_${item}|iitem_${item}`, inventory_item_id: `iitem_${item}`, quantity })
const shipment = (location_id: string, lines: ReturnType<typeof line>[]) => ({
  location_id,
  location_name: location_id,
  lines,
  value: 10,
  distance_km: null,
})

moduleIntegrationTestRunner<RoutingModuleService>({
  moduleName: ROUTING_MODULE,
  moduleModels: [RoutingDecision],
  resolve: "./src/modules/routing",
  moduleOptions: { timezone: "Europe/Amsterdam" },
  testSuite: ({ service }) => {
    const decide = (order_id: string, status: "routed" | "partially_routed" | "held" | "canceled", shipments: unknown[], extra = {}) =>
      service.createRoutingDecisions({
        order_id,
        status,
        method: "exact",
        location_ids: [...new Set((shipments as { location_id: string }[]).map((s) => s.location_id))],
        plan: { shipments, unallocated: [] },
        trace: {},
        history: { entries: [] },
        ...extra,
      })

    describe("what routing planned at a location (for picking)", () => {
      it("lists the open allocations there, units summed per order line over the plan's shipments", async () => {
        await decide("order_a", "routed", [shipment("sloc_newark", [line("mug", 2)]), shipment("sloc_reno", [line("tee", 1)])])
        await decide("order_b", "partially_routed", [
          shipment("sloc_newark", [line("tee", 1)]),
          shipment("sloc_newark", [line("tee", 2)]),
        ])
        const allocations = await service.listOpenAllocationsAt("sloc_newark")
        expect(allocations.sort((a, b) => a.order_id.localeCompare(b.order_id))).toEqual([
          { order_id: "order_a", line_id: "li_mug|iitem_mug", inventory_item_id: "iitem_mug", quantity: 2 },
          { order_id: "order_b", line_id: "li_tee|iitem_tee", inventory_item_id: "iitem_tee", quantity: 3 },
        ])
      })

      it("leaves out held and canceled decisions, settled ones, and other locations' shipments", async () => {
        await decide("order_held", "held", [])
        await decide("order_canceled", "canceled", [shipment("sloc_newark", [line("mug", 1)])])
        await decide("order_settled", "routed", [shipment("sloc_newark", [line("mug", 1)])], { fulfilled_at: new Date() })
        await decide("order_reno", "routed", [shipment("sloc_reno", [line("mug", 1)])])
        expect(await service.listOpenAllocationsAt("sloc_newark")).toEqual([])
        expect((await service.listOpenAllocationsAt("sloc_reno")).map((a) => a.order_id)).toEqual(["order_reno"])
      })

      it("refuses a plan whose shipments are malformed, naming the decision", async () => {
        const bad = await decide("order_bad", "routed", [{ location_id: "sloc_newark", lines: [{ line_id: "li_x" }] }])
        await expect(service.listOpenAllocationsAt("sloc_newark")).rejects.toThrow(
          `Stored oms_routing_decision.plan of ${bad.id} is malformed at 0.lines.0.inventory_item_id`
        )
      })
    })
  },
})
