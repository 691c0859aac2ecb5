import type { MessageData, MessageTemplate } from "./events"

/**
 * A small template language a shop assistant can edit: `{{name}}` inserts a value (nested with
 * dots), `{{#if name}}...{{/if}}` keeps its text only when the value is set, and
 * `{{#each items}}...{{/each}}` repeats its text per item with the item's fields as names.
 * Unknown names print nothing; a template never throws at send time, so problems are found by
 * `templateProblems` when it is saved.
 */
export function renderTemplate(template: MessageTemplate, data: MessageData | Record<string, unknown>): MessageTemplate {
  return {
    subject: renderText(template.subject, data as Record<string, unknown>).replace(/\s+/g, " ").trim(),
    body: renderText(template.body, data as Record<string, unknown>),
  }
}

const BLOCK = /\{\{#(each|if) ([\w.]+)\}\}([\s\S]*?)\{\{\/\1\}\}/g
const VALUE = /\{\{\s*([\w.]+)\s*\}\}/g

function renderText(text: string, scope: Record<string, unknown>): string {
  const blocks = text.replace(BLOCK, (_, kind: string, name: string, inner: string) => {
    const value = lookup(scope, name)
    if (kind === "if") return present(value) ? renderText(inner, scope) : ""
    if (!Array.isArray(value)) return ""
    return value.map((item) => renderText(inner, { ...scope, ...(item as Record<string, unknown>) })).join("")
  })
  return blocks.replace(VALUE, (_, name: string) => {
    const value = lookup(scope, name)
    return present(value) && typeof value !== "object" ? String(value) : ""
  })
}

function lookup(scope: Record<string, unknown>, path: string): unknown {
  let value: unknown = scope
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

const present = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)

/** Placeholders a template uses that its message does not have, and unbalanced blocks. */
export function templateProblems(template: MessageTemplate, known: readonly string[]): string[] {
  const problems: string[] = []
  for (const field of ["subject", "body"] as const) {
    const text = template[field]
    const opened = (text.match(/\{\{#(each|if) /g) ?? []).length
    const closed = (text.match(/\{\{\/(each|if)\}\}/g) ?? []).length
    if (opened !== closed) problems.push(`${field}: ${opened} block(s) opened with {{#if}}/{{#each}} but ${closed} closed`)
    const inner = new Set<string>()
    for (const m of text.matchAll(/\{\{#each ([\w.]+)\}\}([\s\S]*?)\{\{\/each\}\}/g)) {
      for (const v of m[2].matchAll(VALUE)) inner.add(v[1])
    }
    for (const m of text.matchAll(/\{\{#?(?:if |each )?\s*([\w.]+)\s*\}\}/g)) {
      const root = m[1].split(".")[0]
      if (!known.includes(root) && !inner.has(m[1])) problems.push(`${field}: {{${m[1]}}} is not a placeholder of this message; use ${known.join(", ")}`)
    }
  }
  return problems
}

/** Money as a customer in `locale` reads it: "€1.234,50" / "1 234,50 zł" / "$1,234.50". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount)
}
