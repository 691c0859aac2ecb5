import { fontsCover } from "./fonts"

/**
 * Text as the embedded fonts can print it on one line: composed (e + combining acute -> é, so
 * the font's own glyph is used), line breaks and tabs as spaces. A character the fonts have no
 * glyph for (Chinese, Japanese, emoji) becomes its base letter when that is printable, else
 * "?", so a name never prints as empty boxes.
 */
export function printable(text: string | null | undefined): string {
  if (!text) return ""
  let out = ""
  for (const ch of text.normalize("NFC").replace(/[\r\n\t]+/g, " ")) {
    out += printableChar(ch) ? ch : fallback(ch)
  }
  return out
}

function printableChar(ch: string): boolean {
  const code = ch.codePointAt(0)!
  return code >= 0x20 && fontsCover(code)
}

function fallback(ch: string): string {
  const base = ch.normalize("NFKD").replace(/\p{M}/gu, "")
  return base && [...base].every(printableChar) ? base : "?"
}

/** "2025-06-02 14:05 UTC"; a value that is not a date is printed as given. */
export function printedTime(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return printable(iso)
  return `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`
