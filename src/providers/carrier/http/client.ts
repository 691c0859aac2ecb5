import axios, { AxiosError, AxiosInstance, Method } from "axios"
import axiosRetry, { exponentialDelay, isNetworkError } from "axios-retry"
import { CarrierCode, carrierNames, CarrierErrorKind } from "../../../lib/shipping/contract"
import { CarrierError } from "../../../lib/shipping/errors"

/**
 * The one HTTP client every carrier adapter uses (axios + axios-retry).
 *
 * Retries: a 429 is always retried (the carrier refused to process it), honouring Retry-After,
 * otherwise exponential backoff with jitter. A network error or 5xx is retried only for
 * requests that cannot buy twice (GET, PUT, DELETE, or a POST the adapter marks `idempotent`
 * because the carrier dedupes it by our reference). A purchase that failed that way is thrown
 * as `outcome_unknown`, for the ledger to resolve by lookup, never by buying again.
 */
export type CarrierHttpOptions = {
  carrier: CarrierCode
  base_url: string
  headers?: Record<string, string>
  auth?: { username: string; password: string }
  /** Per attempt. */
  timeout_ms?: number
  retries?: number
  /** First backoff step; doubles per attempt. */
  base_delay_ms?: number
  /** Told about every retry (the benchmark counts them; nothing secret is passed). */
  onRetry?: (info: { attempt: number; status: number | null; path: string }) => void
  /**
   * Waits for the shared rate limiter before every attempt, retries included (the limiter is
   * per carrier account and shared by all processes; see the batch-label workflow).
   */
  acquire?: () => Promise<void>
  /** Reads the carrier's error body into a sentence ("the ZIP code is not valid for MA"). */
  describeError?: (status: number, data: unknown) => string | null
}

export type CarrierRequest = {
  method: Method
  path: string
  body?: unknown
  query?: Record<string, string | number | undefined>
  /** Repeating this request cannot create a second purchase. Defaults to true except for POST. */
  idempotent?: boolean
  /**
   * This request buys something. When it fails without a clear answer (network error or 5xx,
   * after any retries), the failure says the outcome is unknown, even for a request marked
   * idempotent. Defaults to "not idempotent".
   */
  purchase?: boolean
  /** "arraybuffer" for label files. */
  response_type?: "json" | "arraybuffer" | "text"
  headers?: Record<string, string>
}

export type CarrierResponse<T> = { status: number; data: T; headers: Record<string, string> }

export type CarrierHttp = {
  request<T = unknown>(req: CarrierRequest): Promise<CarrierResponse<T>>
}

const IDEMPOTENT = "oms_idempotent"

export function createCarrierHttp(options: CarrierHttpOptions): CarrierHttp {
  const instance: AxiosInstance = axios.create({
    baseURL: options.base_url.replace(/\/+$/, ""),
    timeout: options.timeout_ms ?? 15_000,
    headers: { Accept: "application/json", ...(options.headers ?? {}) },
    auth: options.auth,
    // Carriers answer errors with bodies we want to read; axios must not throw before we can.
    validateStatus: () => true,
  })
  const baseDelay = options.base_delay_ms ?? 250
  const acquire = options.acquire
  if (acquire) {
    // axios-retry sends a retry through the instance again, so this runs for every attempt.
    instance.interceptors.request.use(async (config) => {
      await acquire()
      return config
    })
  }

  axiosRetry(instance, {
    retries: options.retries ?? 3,
    shouldResetTimeout: true,
    // validateStatus accepts everything, so 429/5xx reach the retry logic through this hook.
    validateResponse: (response) => response.status < 500 && response.status !== 429,
    retryCondition: (error: AxiosError) => {
      const status = error.response?.status
      if (status === 429) return true
      const idempotent = Boolean((error.config as Record<string, unknown> | undefined)?.[IDEMPOTENT])
      if (!idempotent) return false
      return isNetworkError(error) || isTimeout(error) || (status !== undefined && status >= 500)
    },
    retryDelay: (attempt, error) => exponentialDelay(attempt - 1, error, baseDelay),
    onRetry: (attempt, error, config) => {
      options.onRetry?.({ attempt, status: error.response?.status ?? null, path: String(config.url ?? "") })
    },
  })

  const name = carrierNames[options.carrier]

  return {
    async request<T>(req: CarrierRequest): Promise<CarrierResponse<T>> {
      const idempotent = req.idempotent ?? req.method.toUpperCase() !== "POST"
      const buys = req.purchase ?? !idempotent
      const config = {
        method: req.method,
        url: req.path,
        data: req.body,
        params: req.query,
        responseType: req.response_type ?? "json",
        headers: req.headers,
        [IDEMPOTENT]: idempotent,
      }
      let response
      try {
        response = await instance.request(config)
      } catch (e) {
        const error = e as AxiosError
        if (error.response) response = error.response
        else
          throw CarrierError.of(
            options.carrier,
            "network",
            `${name} did not answer (${isTimeout(error) ? "timed out" : error.code ?? "connection failed"}); try again in a moment`,
            { outcome_unknown: buys }
          )
      }
      if (response.status >= 200 && response.status < 300) {
        return { status: response.status, data: response.data as T, headers: flatHeaders(response.headers) }
      }
      const described = options.describeError?.(response.status, response.data) ?? null
      const kind = kindOf(response.status)
      throw CarrierError.of(options.carrier, kind, sentence(name, kind, response.status, described), {
        status: response.status,
        outcome_unknown: kind === "unavailable" && buys,
      })
    },
  }
}

function isTimeout(error: AxiosError): boolean {
  return error.code === "ECONNABORTED" || error.code === "ETIMEDOUT"
}

function kindOf(status: number): CarrierErrorKind {
  if (status === 429) return "rate_limited"
  if (status >= 500) return "unavailable"
  if (status === 401 || status === 403) return "unauthorized"
  if (status === 404) return "not_found"
  if (status === 409) return "conflict"
  return "invalid_request"
}

function sentence(name: string, kind: CarrierErrorKind, status: number, described: string | null): string {
  switch (kind) {
    case "rate_limited":
      return `${name} is limiting requests (429) and kept doing so after retries; try again in a minute`
    case "unavailable":
      return `${name} is unavailable (${status})${described ? `: ${described}` : ""}; try again later`
    case "unauthorized":
      return `${name} refused the credentials (${status}): check the carrier account's API key`
    case "not_found":
      return `${name} has no such object (404)${described ? `: ${described}` : ""}`
    default:
      return `${name} refused the request (${status})${described ? `: ${described}` : ""}`
  }
}

function flatHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries((headers ?? {}) as Record<string, unknown>)) {
    if (v !== undefined && v !== null) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v)
  }
  return out
}
