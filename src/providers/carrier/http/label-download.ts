import type { CarrierCode, LabelFile, LabelFormat } from "../../../lib/shipping/contract"
import { createCarrierHttp } from "./client"

/**
 * Fetches a label file from the URL a carrier gave us (EasyPost and Shippo serve them from
 * storage such as S3). A client of its own, without the account's credentials: the file host is
 * not the carrier's API, and an API key must never travel to it.
 */
export type LabelDownloader = (url: string | null, format: LabelFormat) => Promise<LabelFile>

export function createLabelDownloader(carrier: CarrierCode, options: { timeout_ms?: number } = {}): LabelDownloader {
  // base_url is never used: every request names an absolute URL.
  const files = createCarrierHttp({ carrier, base_url: "http://127.0.0.1", timeout_ms: options.timeout_ms, retries: 2 })
  return async (url, format) => {
    if (!url) return { format, content_base64: null, url: null }
    const res = await files.request<ArrayBuffer>({ method: "GET", path: url, response_type: "arraybuffer" })
    return { format, content_base64: Buffer.from(res.data).toString("base64"), url }
  }
}
