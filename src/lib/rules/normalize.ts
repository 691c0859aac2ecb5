/**
 * Addresses arrive typed by people: "ca", "CA", "us-ca", "California", "sw1a 1aa".
 * Comparisons go through these so a rule written one way matches an address written another.
 */

export function normalizeCountry(code: string | null | undefined): string {
  return (code ?? "").trim().toUpperCase()
}

/** Medusa may store a province as ISO 3166-2 ("us-ca"); the country prefix is dropped. */
export function normalizeProvince(province: string | null | undefined, country?: string | null): string {
  let value = foldText(province ?? "")
  const prefix = country ? foldText(country) + "-" : null
  if (prefix && value.startsWith(prefix)) value = value.slice(prefix.length)
  else if (/^[a-z]{2}-[a-z0-9]{1,3}$/.test(value)) value = value.slice(3)
  return value
}

/** Postal codes compare without spaces or dashes and case-blind ("SW1A 1AA" = "sw1a1aa"). */
export function normalizePostalCode(code: string | null | undefined): string {
  return (code ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "")
}

/** Lower case, accents removed, inner whitespace collapsed: "Québec " -> "quebec". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
}
