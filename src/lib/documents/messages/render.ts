import Handlebars from "handlebars"
import type { MessageData, MessageTemplate } from "./events"

/**
 * Templates are Handlebars, the part of it a shop assistant needs: `{{name}}` inserts a value
 * (nested with dots), `{{#if name}}...{{/if}}` keeps its text only when the value is set, and
 * `{{#each items}}...{{/each}}` repeats its text per item with the item's fields as names (and
 * the message's own names still in reach: compat mode looks outward, as Mustache does).
 * Messages are plain text, so nothing is HTML-escaped. Unknown names print nothing; a template
 * never throws at send time (a malformed one is sent as written), so problems are found by
 * `templateProblems` when it is saved.
 */
export function renderTemplate(template: MessageTemplate, data: MessageData | Record<string, unknown>): MessageTemplate {
  return {
    subject: renderText(template.subject, data as Record<string, unknown>).replace(/\s+/g, " ").trim(),
    body: renderText(template.body, data as Record<string, unknown>),
  }
}

const VALUE = /\{\{\s*([\w.]+)\s*\}\}/g

function renderText(text: string, scope: Record<string, unknown>): string {
  try {
    return Handlebars.compile(text, { noEscape: true, compat: true, knownHelpersOnly: true })(scope)
  } catch {
    return text
  }
}

/** Placeholders a template uses that its message does not have, and unbalanced blocks. */
export function templateProblems(template: MessageTemplate, known: readonly string[]): string[] {
  const problems: string[] = []
  for (const field of ["subject", "body"] as const) {
    const text = template[field]
    const opened = (text.match(/\{\{#(each|if) /g) ?? []).length
    const closed = (text.match(/\{\{\/(each|if)\}\}/g) ?? []).length
    if (opened !== closed) problems.push(`${field}: ${opened} block(s) opened with {{#if}}/{{#each}} but ${closed} closed`)
    else {
      const syntax = parseProblem(text)
      if (syntax) problems.push(`${field}: ${syntax}`)
    }
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

/** Handlebars' own word on a template it cannot read (first line: where and what it expected). */
function parseProblem(text: string): string | null {
  try {
    Handlebars.parse(text)
    return null
  } catch (e) {
    return String((e as Error).message).split("\n")[0]
  }
}

/** Money as a customer in `locale` reads it: "€1.234,50" / "1 234,50 zł" / "$1,234.50". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount)
}
