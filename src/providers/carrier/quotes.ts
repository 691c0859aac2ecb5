import { createHash } from "node:crypto"
import type { CarrierAdapter, ShipmentRequest } from "../../lib/shipping/contract"
import type { RatePolicy, ShipmentFacts } from "../../lib/shipping/rate-shopping"
import { carrierNames } from "../../lib/shipping/contract"
import { chooseRate } from "../../modules/shipping/ledger/choose-rate"

/**
 * Live prices at checkout. Medusa calls calculatePrice when options are listed, when the
 * method is added and on EVERY cart refresh, and a throw blocks that cart operation. So quotes
 * are cached per cart contents and address, the carrier gets a short time to answer, and when
 * it cannot (down, slow, no rate) the option's flat fallback price is used and the quote says so.
 */
export type Quote = {
  amount: number
  source: "carrier" | "fallback"
  /** Why the fallback was used, in a sentence ("EasyPost did not answer within 2.5 s"). */
  reason: string | null
  service_code: string | null
}

const CARRIER_TTL_MS = 10 * 60_000
/** A fallback is remembered briefly, so a down carrier is not asked on every refresh. */
const FALLBACK_TTL_MS = 60_000
const MAX_ENTRIES = 5_000
export const QUOTE_TIMEOUT_MS = 2_500

export type QuoteAsk = {
  /** The shipping option's own identity (its data id and policy): two options never share a quote. */
  option_key: string
  account_id: string
  carrier: string
  service_code: string | null
  from_location_id: string | null
  currency_code: string
  /** Null when the cart's items cannot make a parcel (no weights): the fallback is charged, saying why. */
  shipment: Omit<ShipmentRequest, "reference"> | null
  unshippable?: string | null
  rate_policy?: RatePolicy | null
  facts?: ShipmentFacts | null
  /** Item identity for the cache (variant x quantity). */
  contents: { variant_id: string | null | undefined; quantity: number }[]
  fallback_amount: number | null
}

export class QuoteCache {
  private readonly entries = new Map<string, { quote: Quote; expires: number }>()

  /** `carrierTtlMs` 0 turns the cache off: every price is asked of the carrier (the benchmark's "without"). */
  constructor(private readonly carrierTtlMs: number = CARRIER_TTL_MS) {}

  keyOf(ask: QuoteAsk): string {
    const to = ask.shipment?.to ?? { country_code: "", postal_code: "", province: "", city: "", line1: "" }
    const contents = ask.contents.map((c) => `${c.variant_id}x${c.quantity}`).sort().join(",")
    const text = [
      ask.option_key,
      ask.account_id,
      ask.service_code ?? "rate-shop",
      ask.from_location_id ?? "-",
      ask.currency_code.toLowerCase(),
      to.country_code,
      to.postal_code,
      to.province ?? "",
      to.city,
      to.line1,
      contents,
    ].join("|")
    return createHash("sha256").update(text).digest("hex")
  }

  async quote(ask: QuoteAsk, adapter: () => Promise<CarrierAdapter>): Promise<Quote> {
    const key = this.keyOf(ask)
    const hit = this.entries.get(key)
    if (hit && hit.expires > Date.now()) return hit.quote
    const quote = await this.live(ask, adapter)
    if (this.carrierTtlMs <= 0) return quote
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string)
    this.entries.set(key, { quote, expires: Date.now() + (quote.source === "carrier" ? this.carrierTtlMs : Math.min(FALLBACK_TTL_MS, this.carrierTtlMs)) })
    return quote
  }

  private async live(ask: QuoteAsk, adapter: () => Promise<CarrierAdapter>): Promise<Quote> {
    const name = carrierNames[ask.carrier as keyof typeof carrierNames] ?? ask.carrier
    const fallback = (reason: string): Quote => {
      if (ask.fallback_amount === null) {
        throw new Error(`${reason}, and the shipping option has no fallback_amount to charge instead`)
      }
      return { amount: ask.fallback_amount, source: "fallback", reason, service_code: ask.service_code }
    }
    if (!ask.shipment) return fallback(`${name} could not quote: ${ask.unshippable ?? "the cart makes no parcel"}`)
    const shipment = ask.shipment
    let timer: NodeJS.Timeout | undefined
    try {
      const carrier = await adapter()
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} did not answer within ${QUOTE_TIMEOUT_MS / 1000} s`)), QUOTE_TIMEOUT_MS)
      })
      const rates = await Promise.race([carrier.rates({ ...shipment, reference: `quote-${this.keyOf(ask).slice(0, 16)}` }), timeout])
      const chosen = chooseRate(rates, ask.service_code, { policy: ask.rate_policy, facts: ask.facts })
      if ("refusal" in chosen) return fallback(chosen.refusal)
      if (chosen.rate.currency_code.toLowerCase() !== ask.currency_code.toLowerCase()) {
        return fallback(`${name} quoted in ${chosen.rate.currency_code}, the cart is in ${ask.currency_code.toUpperCase()}`)
      }
      return { amount: chosen.rate.amount, source: "carrier", reason: null, service_code: chosen.rate.service_code }
    } catch (e) {
      if ((e as Error).message?.includes("no fallback_amount")) throw e
      return fallback(`${name} could not quote: ${(e as Error).message}`)
    } finally {
      if (timer) clearTimeout(timer)
    }
  }

  clear() {
    this.entries.clear()
  }
}
