import http from "node:http"
import type { AddressInfo } from "node:net"

/**
 * The shared part of every fake carrier: a real HTTP server on 127.0.0.1 with knobs for the
 * failures a carrier shows in production. Each carrier's fake (./<carrier>/) routes requests
 * to handlers that follow that carrier's documented requests, responses and errors.
 */

export type FakeRequest = {
  method: string
  /** Path without the query string. */
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  raw_body: Buffer
  /** The body parsed as JSON, or null when it is not JSON. */
  body: any
}

export type FakeResponse = {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Sent as is (a label file), instead of JSON. */
  raw?: Buffer | string
}

export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>

export type FakeKnobs = {
  /** Added before each answer: a fixed delay, or a [min, max] range drawn per request. */
  latency_ms?: number | [number, number]
  /** The next N requests answer 429 (before reaching the handler). */
  rate_limit_next?: number
  /** Retry-After seconds sent with a 429; null sends none. */
  retry_after_s?: number | null
  /** The next N requests answer 503 (before reaching the handler). */
  unavailable_next?: number
  /** The next N requests never answer (the client times out). */
  hang_next?: number
  /**
   * The next N requests are handled (the purchase happens) and then the connection is dropped
   * before the answer: the client cannot know the outcome.
   */
  drop_after_handling_next?: number
  /**
   * The next N requests are handled (the purchase happens) and their answer is held back until
   * the server closes: the caller waits, so a test can kill the process mid-request.
   */
  hold_after_handling_next?: number
  /** Requests per second allowed; above it the fake answers 429 (with `retry_after_s`). */
  limit_rps?: number | null
  /** Only requests whose path matches are subject to the one-shot knobs above. */
  knob_paths?: RegExp | null
  /** Only requests whose path matches count toward `limit_rps` (label files come from a CDN). */
  limit_paths?: RegExp | null
}

export type RecordedRequest = { method: string; path: string; status: number | "hung" | "dropped" | "held"; at: number }

export type FakeServer = {
  url: string
  knobs: FakeKnobs
  requests: RecordedRequest[]
  /** How many answers had each status. */
  count(status: RecordedRequest["status"]): number
  close(): Promise<void>
}

export async function startFakeServer(handler: FakeHandler, knobs: FakeKnobs = {}): Promise<FakeServer> {
  const requests: RecordedRequest[] = []
  const hung = new Set<http.ServerResponse>()
  // A one-second window of request start times for `limit_rps`.
  let window: number[] = []

  const server = http.createServer(async (incoming, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const url = new URL(incoming.url ?? "/", "http://fake")
    const raw_body = Buffer.concat(chunks)
    const req: FakeRequest = {
      method: (incoming.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      raw_body,
      body: parseJson(raw_body),
    }
    const at = Date.now()
    const record = (status: RecordedRequest["status"]) => requests.push({ method: req.method, path: req.path, status, at })
    const subject = !knobs.knob_paths || knobs.knob_paths.test(req.path)

    // A carrier counts a request when it arrives; the latency is the time it takes to answer.
    let limited = false
    if (knobs.limit_rps && (!knobs.limit_paths || knobs.limit_paths.test(req.path))) {
      const now = Date.now()
      window = window.filter((t) => now - t < 1000)
      limited = window.length >= knobs.limit_rps
      if (!limited) window.push(now)
    }
    await sleep(latency(knobs.latency_ms))
    if (limited) return answer(res, record, tooMany(knobs))
    if (subject && take(knobs, "rate_limit_next")) return answer(res, record, tooMany(knobs))
    if (subject && take(knobs, "unavailable_next")) return answer(res, record, { status: 503, body: { error: "service unavailable" } })
    if (subject && take(knobs, "hang_next")) {
      record("hung")
      hung.add(res)
      return
    }
    const drop = subject && take(knobs, "drop_after_handling_next")
    const hold = !drop && subject && take(knobs, "hold_after_handling_next")
    let response: FakeResponse
    try {
      response = await handler(req)
    } catch (e) {
      response = { status: 500, body: { error: (e as Error).message } }
    }
    if (drop) {
      record("dropped")
      res.socket?.destroy()
      return
    }
    if (hold) {
      record("held")
      hung.add(res)
      return
    }
    answer(res, record, response)
  })

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    knobs,
    requests,
    count: (status) => requests.filter((r) => r.status === status).length,
    close: async () => {
      for (const res of hung) res.socket?.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function answer(res: http.ServerResponse, record: (s: number) => void, response: FakeResponse) {
  record(response.status)
  const headers: Record<string, string> = { ...(response.headers ?? {}) }
  let payload: Buffer | string = ""
  if (response.raw !== undefined) payload = response.raw
  else if (response.body !== undefined) {
    payload = JSON.stringify(response.body)
    headers["content-type"] ??= "application/json"
  }
  res.writeHead(response.status, headers)
  res.end(payload)
}

function tooMany(knobs: FakeKnobs): FakeResponse {
  const after = knobs.retry_after_s
  return {
    status: 429,
    headers: after === null || after === undefined ? {} : { "retry-after": String(after) },
    body: { error: "rate limit exceeded" },
  }
}

function take(knobs: FakeKnobs, knob: "rate_limit_next" | "unavailable_next" | "hang_next" | "drop_after_handling_next" | "hold_after_handling_next") {
  if (!knobs[knob]) return false
  knobs[knob] = (knobs[knob] as number) - 1
  return true
}

function latency(l: FakeKnobs["latency_ms"]): number {
  if (!l) return 0
  if (typeof l === "number") return l
  return l[0] + Math.random() * (l[1] - l[0])
}

function parseJson(raw: Buffer): any {
  if (!raw.length) return null
  try {
    return JSON.parse(raw.toString("utf8"))
  } catch {
    return null
  }
}

const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve())
