import { defaultPolicyDefinition } from "../../src/lib/returns/defaults"
import { RETURNS_MODULE } from "../../src/modules/returns"
import type ReturnsModuleService from "../../src/modules/returns/service"
import { adminHeaders } from "../helpers/admin"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

const answer = (p: Promise<any>) => p.then((r) => r, (e: any) => e.response)

// The admin's return policy editor: CRUD through the workflows, 400s naming the field,
// 404 for an unknown id, and nothing without an admin session.
omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    it("creates, lists by priority, reads, updates one setting and deletes a policy", async () => {
      const eu = await api.post(
        "/admin/oms/return-policies",
        {
          name: "EU 14 days",
          priority: 10,
          market: { type: "region", in: ["reg_eu"] },
          definition: { ...defaultPolicyDefinition(), window_days: 14, restocking_fee_percent: 5 },
        },
        admin
      )
      expect(eu.status).toBe(201)
      expect(eu.data.return_policy).toEqual({
        id: expect.stringMatching(/^orpol_/),
        name: "EU 14 days",
        active: true,
        priority: 10,
        market: { type: "region", in: ["reg_eu"] },
        definition: { ...defaultPolicyDefinition(), window_days: 14, restocking_fee_percent: 5 },
      })
      const everywhere = await api.post("/admin/oms/return-policies", { name: "Everywhere", definition: defaultPolicyDefinition() }, admin)
      expect(everywhere.data.return_policy).toMatchObject({ priority: 100, active: true, market: null })
      const first = await api.post(
        "/admin/oms/return-policies",
        { name: "Wholesale", priority: 1, active: false, market: { type: "sales_channel", in: ["sc_b2b"] }, definition: defaultPolicyDefinition() },
        admin
      )

      const list = await api.get("/admin/oms/return-policies", admin)
      expect(list.data.return_policies.map((p: any) => p.name)).toEqual(["Wholesale", "EU 14 days", "Everywhere"])
      expect(list.data).toMatchObject({ count: 3, limit: 50, offset: 0 })
      const page = await api.get("/admin/oms/return-policies?limit=1&offset=1&active=true", admin)
      expect(page.data).toMatchObject({ count: 2, limit: 1, offset: 1 })
      expect(page.data.return_policies.map((p: any) => p.name)).toEqual(["Everywhere"])

      const id = eu.data.return_policy.id
      expect((await api.get(`/admin/oms/return-policies/${id}`, admin)).data.return_policy.name).toBe("EU 14 days")

      // one setting changes, the others keep their values
      const updated = await api.post(`/admin/oms/return-policies/${id}`, { priority: 200, definition: { window_days: 21 } }, admin)
      expect(updated.data.return_policy).toMatchObject({
        priority: 200,
        market: { type: "region", in: ["reg_eu"] },
        definition: { window_days: 21, restocking_fee_percent: 5, transit_days: 3, resolutions: ["refund", "store_credit", "exchange"] },
      })
      expect((await api.get("/admin/oms/return-policies", admin)).data.return_policies.map((p: any) => p.name)).toEqual([
        "Wholesale",
        "Everywhere",
        "EU 14 days",
      ])

      // the service the request workflow reads: active only, by priority, parsed
      const service = getContainer().resolve<ReturnsModuleService>(RETURNS_MODULE)
      const active = await service.activePolicies()
      expect(active.map((p) => [p.name, p.priority, p.definition.window_days])).toEqual([
        ["Everywhere", 100, 30],
        ["EU 14 days", 200, 21],
      ])

      const deleted = await api.delete(`/admin/oms/return-policies/${id}`, admin)
      expect(deleted.data).toEqual({ id, object: "return_policy", deleted: true })
      expect((await answer(api.get(`/admin/oms/return-policies/${id}`, admin))).status).toBe(404)
      expect((await api.get("/admin/oms/return-policies", admin)).data.count).toBe(2)
      expect((await service.activePolicies()).map((p) => p.name)).toEqual(["Everywhere"])

      await api.delete(`/admin/oms/return-policies/${first.data.return_policy.id}`, admin)
      await api.delete(`/admin/oms/return-policies/${everywhere.data.return_policy.id}`, admin)
    })

    it("answers 400 naming the field and what is allowed", async () => {
      const post = (body: unknown) => answer(api.post("/admin/oms/return-policies", body, admin))
      const def = defaultPolicyDefinition()

      const fee = await post({ name: "Bad fee", definition: { ...def, restocking_fee_percent: 150 } })
      expect(fee.status).toBe(400)
      expect(fee.data.type).toBe("invalid_data")
      expect(fee.data.message).toMatch(/definition\.restocking_fee_percent.*100/)

      const shipping = await post({ name: "Bad shipping", definition: { ...def, shipping: { mode: "postage" } } })
      expect(shipping.status).toBe(400)
      expect(shipping.data.message).toMatch(/definition\.shipping\.mode.*free.*flat.*carrier_rate/)

      const resolution = await post({ name: "Bad resolution", definition: { ...def, resolutions: ["cash"] } })
      expect(resolution.data.message).toMatch(/definition\.resolutions\.0.*refund.*store_credit.*exchange/)

      const market = await post({ name: "Bad market", market: { type: "region", in: [] }, definition: def })
      expect(market.status).toBe(400)
      expect(market.data.message).toMatch(/market\.in/)

      const unknown = await post({ name: "Typo", definition: { ...def, windowdays: 10 } })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/definition\.windowdays.*not allowed/)

      const missing = await post({ definition: def })
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/'name' is required/)

      const created = await api.post("/admin/oms/return-policies", { name: "To update", definition: def }, admin)
      const id = created.data.return_policy.id
      const badUpdate = await answer(api.post(`/admin/oms/return-policies/${id}`, { definition: { window_days: -3 } }, admin))
      expect(badUpdate.status).toBe(400)
      expect(badUpdate.data.message).toMatch(/definition\.window_days/)
      // nothing was written
      expect((await api.get(`/admin/oms/return-policies/${id}`, admin)).data.return_policy.definition.window_days).toBe(30)

      const badQuery = await answer(api.get("/admin/oms/return-policies?active=maybe", admin))
      expect(badQuery.status).toBe(400)
      expect(badQuery.data.message).toMatch(/active/)
      await api.delete(`/admin/oms/return-policies/${id}`, admin)
    })

    it("answers 404 for an unknown policy on read, update and delete", async () => {
      for (const res of [
        await answer(api.get("/admin/oms/return-policies/orpol_missing", admin)),
        await answer(api.post("/admin/oms/return-policies/orpol_missing", { name: "x" }, admin)),
        await answer(api.delete("/admin/oms/return-policies/orpol_missing", admin)),
      ]) {
        expect(res.status).toBe(404)
        expect(res.data.message).toMatch(/Return policy orpol_missing was not found/)
      }
    })

    it("refuses every policy route without an admin session (401)", async () => {
      const body = { name: "Sneaky", definition: defaultPolicyDefinition() }
      const answers = await Promise.all([
        answer(api.get("/admin/oms/return-policies")),
        answer(api.post("/admin/oms/return-policies", body)),
        answer(api.get("/admin/oms/return-policies/orpol_x")),
        answer(api.post("/admin/oms/return-policies/orpol_x", { name: "x" })),
        answer(api.delete("/admin/oms/return-policies/orpol_x")),
      ])
      expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401])
      expect((await api.get("/admin/oms/return-policies", admin)).data.return_policies.map((p: any) => p.name)).not.toContain("Sneaky")
    })
  },
})
