/**
 * Records the SQL statements this process sends to PostgreSQL while a recording is open, at the
 * `pg` driver (knex, MikroORM and every Medusa module go through it): how many, and their text
 * and parameters, so the benchmark can count a report's statements and EXPLAIN the slow ones.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pg = require("pg")

export type Statement = { text: string; values: unknown[] }
export type Recording = { all: number; without_transaction_control: number; statements: Statement[] }

const open = new Set<Recording>()
let patched = false

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION|SET TRANSACTION)/i

function patch() {
  if (patched) return
  patched = true
  const original = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: unknown, config: unknown, values?: unknown, ...rest: unknown[]) {
    if (open.size) {
      const text = typeof config === "string" ? config : (config as { text?: string } | null)?.text ?? ""
      const params = (Array.isArray(values) ? values : (config as { values?: unknown[] } | null)?.values) ?? []
      for (const r of open) {
        r.all++
        if (!TRANSACTION_CONTROL.test(text)) {
          r.without_transaction_control++
          r.statements.push({ text, values: params })
        }
      }
    }
    return original.call(this, config, values, ...rest)
  }
}

/** Starts recording; `stop()` ends it and returns what was sent meanwhile. */
export function recordStatements(): { stop: () => Recording } {
  patch()
  const recording: Recording = { all: 0, without_transaction_control: 0, statements: [] }
  open.add(recording)
  return {
    stop: () => {
      open.delete(recording)
      return recording
    },
  }
}
