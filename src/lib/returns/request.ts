import { units } from "./format"
import type { OrderEligibility, ReturnRequest } from "./types"

/** One problem with a return request: the dotted field it concerns and a sentence about it. */
export type RequestProblem = { field: string; message: string }

const METHOD_WORDS = { label: "a prepaid return label", drop_off: "your own drop-off", keep_it: "keep it" } as const
const RESOLUTION_WORDS = { refund: "a refund", store_credit: "store credit", exchange: "an exchange" } as const

/**
 * Everything wrong with a request against the order's eligibility, empty when it can go ahead.
 * Fields are named as in the request body (`items.0.quantity`) so a form can put each message
 * next to its input. Checked again under the order lock when the return is made.
 */
export function checkReturnRequest(eligibility: OrderEligibility, request: ReturnRequest): RequestProblem[] {
  const problems: RequestProblem[] = []
  const add = (field: string, message: string) => problems.push({ field, message })
  const lines = new Map(eligibility.lines.map((l) => [l.line_item_id, l]))
  const seen = new Set<string>()

  if (!request.items.length) add("items", "Choose at least one item to return.")

  request.items.forEach((item, i) => {
    const at = `items.${i}`
    const line = lines.get(item.line_item_id)
    if (!line) {
      add(`${at}.line_item_id`, `${item.line_item_id} is not an item of this order.`)
      return
    }
    if (seen.has(line.line_item_id)) {
      add(`${at}.line_item_id`, `${line.title} is listed twice; list each item once with its quantity.`)
      return
    }
    seen.add(line.line_item_id)

    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      add(`${at}.quantity`, `Return a whole number of units of ${line.title}, at least 1.`)
    } else if (line.returnable_quantity === 0) {
      add(`${at}.quantity`, line.reason ?? `${line.title} cannot be returned.`)
    } else if (item.quantity > line.returnable_quantity) {
      add(
        `${at}.quantity`,
        `Only ${units(line.returnable_quantity)} of ${line.title} can be returned (asked for ${item.quantity}).`
      )
    }

    const requirement = item.reason_value ? eligibility.reasons[item.reason_value] : undefined
    if (requirement?.note_required && !item.note?.trim()) {
      add(`${at}.note`, `The reason "${item.reason_value}" needs a note saying what is wrong with ${line.title}.`)
    }
    if (requirement?.photo_required && !(item.photo_urls ?? []).some((u) => u.trim())) {
      add(`${at}.photo_urls`, `The reason "${item.reason_value}" needs at least one photo of ${line.title}.`)
    }
    if (request.method === "keep_it" && !line.keep_it) {
      add(`${at}.line_item_id`, `${line.title} has to be sent back; only items under the keep-it value can be kept.`)
    }
  })

  if (!eligibility.methods.includes(request.method)) {
    add("method", `${capital(METHOD_WORDS[request.method] ?? String(request.method))} is not offered for this return; choose ${orList(eligibility.methods.map((m) => METHOD_WORDS[m]))}.`)
  }
  if (!eligibility.resolutions.includes(request.resolution)) {
    add(
      "resolution",
      `${capital(RESOLUTION_WORDS[request.resolution] ?? String(request.resolution))} is not offered for this return; choose ${orList(eligibility.resolutions.map((r) => RESOLUTION_WORDS[r]))}.`
    )
  }
  if (request.resolution === "exchange") {
    const wanted = request.exchange_items ?? []
    if (!wanted.length) add("exchange_items", "An exchange needs the items you want instead (exchange_items).")
    wanted.forEach((w, i) => {
      if (!Number.isInteger(w.quantity) || w.quantity < 1) {
        add(`exchange_items.${i}.quantity`, "Ask for a whole number of units, at least 1.")
      }
    })
  }
  return problems
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const orList = (words: string[]) =>
  words.length === 0 ? "nothing (no return can be made)" : words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`
