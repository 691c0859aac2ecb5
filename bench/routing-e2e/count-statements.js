// Preloaded into the benchmark's server only (NODE_OPTIONS=--require ...): counts the SQL
// statements each HTTP request sends to PostgreSQL, and how many of them run inside the
// locking module's `execute` (the inventory-item locks of both checkouts), times the waits for
// PostgreSQL and the process's CPU during the request, and answers them in response headers. Statement counts do not depend on how busy the machine is; timings do.
//
// What a request "sends" is what runs in its async context until its response head is
// written. Subscribers are left out: the local event bus delivers events (order.placed, ...)
// outside any request's context, so routing's own work after checkout is not counted as the
// completion's. Nothing here changes what the app does.
const { AsyncLocalStorage } = require("async_hooks")
const fs = require("fs")
const http = require("http")
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")
const als = new AsyncLocalStorage()
const logFile = process.env.OMS_BENCH_STATEMENT_LOG || null

function fromApp(request) {
  return require(require.resolve(request, { paths: [ROOT] }))
}

// Every copy of pg the app may use (knex's, MikroORM's).
for (const request of ["pg", "@mikro-orm/postgresql/node_modules/pg"]) {
  let pg
  try {
    pg = fromApp(request)
  } catch {
    continue
  }
  const query = pg.Client.prototype.query
  if (query.__omsCounted) continue
  pg.Client.prototype.query = function countedQuery(config, ...rest) {
    const store = als.getStore()
    if (store && store.open) {
      store.stats.statements++
      if (store.locked) store.stats.locked++
      if (store.stats.log) {
        const text = typeof config === "string" ? config : config && config.text
        store.stats.log.push(`${store.locked ? "L " : "  "}${String(text || "").replace(/\s+/g, " ").slice(0, 240)}`)
      }
    }
    if (!store || !store.open) return query.call(this, config, ...rest)
    // Time until PostgreSQL answered (summed over the request's statements, parallel ones each counted).
    const started = process.hrtime.bigint()
    const done = () => void (store.stats.dbUs += Number(process.hrtime.bigint() - started) / 1000)
    const last = rest.length ? rest[rest.length - 1] : undefined
    if (typeof last === "function") {
      rest[rest.length - 1] = function timedCallback(...args) {
        done()
        return last.apply(this, args)
      }
      return query.call(this, config, ...rest)
    }
    if (config && typeof config.callback === "function") {
      const callback = config.callback
      config.callback = function timedCallback(...args) {
        done()
        return callback.apply(this, args)
      }
      return query.call(this, config, ...rest)
    }
    const result = query.call(this, config, ...rest)
    if (result && typeof result.then === "function") result.then(done, done)
    return result
  }
  pg.Client.prototype.query.__omsCounted = true
}

// Time and statements inside the locking module's execute (inventory-item locks).
try {
  const { default: LockingModuleService } = fromApp("@medusajs/locking/dist/services/locking-module")
  const execute = LockingModuleService.prototype.execute
  LockingModuleService.prototype.execute = function lockedExecute(keys, job, ...rest) {
    const store = als.getStore()
    if (!store) return execute.call(this, keys, job, ...rest)
    return execute.call(
      this,
      keys,
      () => {
        const started = Date.now()
        return als.run({ ...store, locked: true }, async () => {
          try {
            return await job()
          } finally {
            store.stats.lockMs += Date.now() - started
          }
        })
      },
      ...rest
    )
  }
} catch (e) {
  process.stderr.write(`[count-statements] locking module not patched: ${e.message}\n`)
}

// Events are delivered outside the request: subscribers are not the request's statements.
try {
  const { default: LocalEventBus } = fromApp("@medusajs/event-bus-local/dist/services/event-bus-local")
  for (const name of ["releaseGroupedEvents", "groupOrEmitEvent"]) {
    const original = LocalEventBus.prototype[name]
    LocalEventBus.prototype[name] = function outsideRequest(...args) {
      return als.exit(() => original.apply(this, args))
    }
  }
} catch (e) {
  process.stderr.write(`[count-statements] event bus not patched: ${e.message}\n`)
}

const emit = http.Server.prototype.emit
http.Server.prototype.emit = function requestInContext(event, req, res) {
  if (event !== "request") return emit.apply(this, arguments)
  const stats = { statements: 0, locked: 0, lockMs: 0, dbUs: 0, cpu: process.cpuUsage(), log: logFile && /\/complete$/.test(req.url.split("?")[0]) ? [] : null }
  const store = { stats, open: true, locked: false }
  res.__omsStatements = store
  return als.run(store, () => emit.apply(this, arguments))
}

const writeHead = http.ServerResponse.prototype.writeHead
http.ServerResponse.prototype.writeHead = function writeHeadWithCounts(...args) {
  const store = this.__omsStatements
  if (store && store.open) {
    store.open = false
    if (!this.headersSent) {
      this.setHeader("x-oms-bench-statements", String(store.stats.statements))
      this.setHeader("x-oms-bench-statements-locked", String(store.stats.locked))
      this.setHeader("x-oms-bench-lock-ms", String(store.stats.lockMs))
      // The server process's CPU during the request (all of its work meanwhile: the request's own
      // at concurrency 1, when nothing else runs) and the summed wait for PostgreSQL's answers.
      const cpu = process.cpuUsage(store.stats.cpu)
      this.setHeader("x-oms-bench-cpu-ms", ((cpu.user + cpu.system) / 1000).toFixed(1))
      this.setHeader("x-oms-bench-db-ms", (store.stats.dbUs / 1000).toFixed(1))
      // The process's CPU since it started (every request's and subscriber's work): two answers
      // around a phase give the server's CPU per order, wherever in the process it was spent.
      const total = process.cpuUsage()
      this.setHeader("x-oms-bench-process-cpu-ms", ((total.user + total.system) / 1000).toFixed(1))
    }
    if (store.stats.log) {
      fs.appendFileSync(logFile, JSON.stringify({ url: this.req && this.req.url, statements: store.stats.log }) + "\n")
    }
  }
  return writeHead.apply(this, args)
}
