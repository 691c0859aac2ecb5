/**
 * The built-in PDF fonts (Helvetica) only know the Windows-1252 characters. Anything else is
 * reduced to its base letter (Ł -> L, ő -> o) or a question mark, so a title never prints as
 * garbage glyphs.
 */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
const NO_DECOMPOSITION: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ø: "Ø", ı: "i", "−": "-", "×": "×" }

export function printable(text: string | null | undefined): string {
  if (!text) return ""
  let out = ""
  for (const ch of text.replace(/[\r\n\t]+/g, " ")) {
    out += encodable(ch) ? ch : fallback(ch)
  }
  return out
}

function encodable(ch: string): boolean {
  const code = ch.codePointAt(0)!
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)
}

function fallback(ch: string): string {
  if (NO_DECOMPOSITION[ch]) return NO_DECOMPOSITION[ch]
  const base = ch.normalize("NFKD").replace(/\p{M}/gu, "")
  return base && [...base].every(encodable) ? base : "?"
}

/** "2025-06-02 14:05 UTC"; a value that is not a date is printed as given. */
export function printedTime(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return printable(iso)
  return `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`
