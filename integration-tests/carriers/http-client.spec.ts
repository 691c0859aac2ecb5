import { createCarrierHttp } from "../../src/providers/carrier/http"
import { FakeServer, startFakeServer } from "../fakes/server"

/** The retry policy every adapter inherits, over real HTTP against a local fake. */
describe("the carrier HTTP client", () => {
  let fake: FakeServer
  let handled: number
  const retries: (number | null)[] = []

  beforeEach(async () => {
    handled = 0
    retries.length = 0
    fake = await startFakeServer((req) => {
      handled++
      if (req.path === "/bad") return { status: 422, body: { error: { message: "weight must be more than 0" } } }
      return { status: 200, body: { ok: true, seen: req.body } }
    })
  })
  afterEach(() => fake.close())

  const client = (extra: Partial<Parameters<typeof createCarrierHttp>[0]> = {}) =>
    createCarrierHttp({
      carrier: "easypost",
      base_url: fake.url,
      base_delay_ms: 5,
      timeout_ms: 500,
      onRetry: ({ status }) => retries.push(status),
      describeError: (_status, data: any) => data?.error?.message ?? null,
      ...extra,
    })

  it("retries a 429, waiting as long as Retry-After says", async () => {
    fake.knobs.rate_limit_next = 2
    fake.knobs.retry_after_s = 1
    const started = Date.now()
    const res = await client().request({ method: "POST", path: "/shipments", body: { a: 1 } })
    expect(res.data).toEqual({ ok: true, seen: { a: 1 } })
    expect(retries).toEqual([429, 429])
    expect(handled).toBe(1)
    // Two waits of at least one second each: Retry-After beat the 5 ms backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
  })

  it("retries a 503 on a request that cannot buy twice, and not on a purchase", async () => {
    fake.knobs.unavailable_next = 1
    await expect(client().request({ method: "GET", path: "/shipments/shp_1" })).resolves.toMatchObject({ status: 200 })
    expect(retries).toEqual([503])

    retries.length = 0
    fake.knobs.unavailable_next = 1
    const failure = await client()
      .request({ method: "POST", path: "/shipments/shp_1/buy" })
      .catch((e) => e)
    expect(retries).toEqual([])
    expect(failure.failure).toMatchObject({ kind: "unavailable", status: 503, outcome_unknown: true })
    expect(failure.message).toBe("EasyPost is unavailable (503); try again later")
  })

  it("retries a POST the adapter marks idempotent (the carrier dedupes it by our reference)", async () => {
    fake.knobs.unavailable_next = 1
    await expect(client().request({ method: "POST", path: "/labels", idempotent: true })).resolves.toMatchObject({ status: 200 })
    expect(retries).toEqual([503])
  })

  it("says a purchase's outcome is unknown after retries of a POST the carrier dedupes", async () => {
    fake.knobs.unavailable_next = 10
    const failure = await client({ retries: 1 })
      .request({ method: "POST", path: "/shipments/announce", idempotent: true, purchase: true })
      .catch((e) => e)
    expect(retries).toEqual([503])
    expect(failure.failure).toMatchObject({ kind: "unavailable", outcome_unknown: true })
  })

  it("does not retry a 4xx, and says what the carrier refused", async () => {
    const failure = await client()
      .request({ method: "POST", path: "/bad" })
      .catch((e) => e)
    expect(retries).toEqual([])
    expect(handled).toBe(1)
    expect(failure.failure).toMatchObject({ kind: "invalid_request", status: 422, outcome_unknown: false })
    expect(failure.message).toBe("EasyPost refused the request (422): weight must be more than 0")
  })

  it("reports a purchase whose answer was lost as an unknown outcome, without buying again", async () => {
    fake.knobs.drop_after_handling_next = 1
    const failure = await client()
      .request({ method: "POST", path: "/shipments/shp_1/buy" })
      .catch((e) => e)
    expect(handled).toBe(1)
    expect(failure.failure).toMatchObject({ kind: "network", outcome_unknown: true })
    expect(failure.message).toMatch(/^EasyPost did not answer/)
  })

  it("times out a request that hangs, and retries it when it is safe to", async () => {
    fake.knobs.hang_next = 1
    await expect(client().request({ method: "GET", path: "/trackers/trk_1" })).resolves.toMatchObject({ status: 200 })
    expect(retries).toEqual([null])
  })

  it("gives up after the configured retries and says the carrier kept limiting", async () => {
    fake.knobs.rate_limit_next = 10
    fake.knobs.retry_after_s = null
    const failure = await client({ retries: 2 })
      .request({ method: "GET", path: "/rates" })
      .catch((e) => e)
    expect(retries).toEqual([429, 429])
    expect(failure.failure).toMatchObject({ kind: "rate_limited", status: 429, outcome_unknown: false })
  })

  it("waits for the shared limiter before every attempt, retries included", async () => {
    let acquired = 0
    fake.knobs.rate_limit_next = 1
    await client({ acquire: async () => void acquired++ }).request({ method: "GET", path: "/x" })
    expect(acquired).toBe(2)
  })
})
