/**
 * Document numbers from a format such as "INV-{YYYY}-{SEQ:5}": {YYYY} the year, {YY} its last
 * two digits, {SEQ} the sequence number, {SEQ:n} zero-padded to n digits. The sequence restarts
 * every year, so a format must name the year (else two years would print the same numbers).
 */
const TOKEN = /\{(YYYY|YY|SEQ(?::(\d{1,2}))?)\}/g

export function formatDocumentNumber(format: string, at: { year: number; sequence: number }): string {
  return format.replace(TOKEN, (_, token: string, width?: string) => {
    if (token === "YYYY") return String(at.year).padStart(4, "0")
    if (token === "YY") return String(at.year % 100).padStart(2, "0")
    return String(at.sequence).padStart(width ? Number(width) : 1, "0")
  })
}

/** Why a format cannot number documents, as sentences; empty when it can. */
export function numberFormatProblems(format: string): string[] {
  const problems: string[] = []
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1])
  const unknown = format.replace(TOKEN, "").match(/\{[^}]*\}/g)
  if (unknown) problems.push(`${unknown.join(", ")} is not a placeholder; use {YYYY}, {YY}, {SEQ} or {SEQ:n}`)
  const seq = tokens.filter((t) => t.startsWith("SEQ")).length
  if (seq !== 1) problems.push("must contain the sequence number exactly once: {SEQ} or {SEQ:n}")
  if (!tokens.some((t) => t === "YYYY" || t === "YY")) problems.push("must contain the year ({YYYY} or {YY}): numbering restarts every year")
  if (format.length > 40) problems.push("must be at most 40 characters")
  if (/[^\w\-/.{}:]/.test(format.replace(TOKEN, ""))) problems.push("may only use letters, digits and - _ / . besides the placeholders")
  return problems
}
