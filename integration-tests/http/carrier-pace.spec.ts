import { Modules } from "@medusajs/framework/utils"
import { sharedPace } from "../../src/providers/carrier/rate-limit"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(120_000)

omsIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    describe("a carrier account's shared request pace", () => {
      it("gives two processes' requests one schedule through Medusa's cache and locking modules", async () => {
        const container = getContainer()
        const deps = { cache: container.resolve(Modules.CACHE), locking: container.resolve(Modules.LOCKING) }
        // Two limiters over the same modules stand for a server and a worker sharing Redis.
        const server = sharedPace("acct_shared", { per_second: 20, burst: 1 }, deps)
        const worker = sharedPace("acct_shared", { per_second: 20, burst: 1 }, deps)
        const other = sharedPace("acct_other", { per_second: 20, burst: 1 }, deps)

        const shared = Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? server : worker).acquire()))
        const elsewhere = other.acquire()
        const slots = await shared
        const sorted = [...slots].sort((a, b) => a - b)
        for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(50 - 1e-6)

        // Another account has its own schedule: it does not queue behind the first.
        expect(await elsewhere).toBeLessThan(sorted[sorted.length - 1])
      })
    })
  },
})
