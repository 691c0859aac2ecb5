/**
 * Counts the SQL statements this process sends to PostgreSQL while a counter is open, at the
 * `pg` driver (knex, MikroORM and every Medusa module go through it), so nothing is missed.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pg = require("pg")

type Counter = { all: number; without_transaction_control: number }
const open = new Set<Counter>()
let patched = false

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION|SET TRANSACTION)/i

function patch() {
  if (patched) return
  patched = true
  const original = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    if (open.size) {
      const text = typeof config === "string" ? config : (config as { text?: string } | null)?.text ?? ""
      for (const c of open) {
        c.all++
        if (!TRANSACTION_CONTROL.test(text)) c.without_transaction_control++
      }
    }
    return original.call(this, config, ...rest)
  }
}

export function countStatements(): { stop: () => Counter } {
  patch()
  const counter: Counter = { all: 0, without_transaction_control: 0 }
  open.add(counter)
  return {
    stop: () => {
      open.delete(counter)
      return counter
    },
  }
}
