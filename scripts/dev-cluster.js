// `npm run dev:cluster`: the app as a shop runs it in production, on this machine: Redis
// (Debian's redis-server, installed when missing), one HTTP server and two workers on the
// embedded PostgreSQL (or DATABASE_URL). Migrates and seeds once, as `npm run dev` does.
//   OMS_CLUSTER_SERVERS (1) and OMS_CLUSTER_WORKERS (2) change the counts; PORT (9000) is the
//   first server's port; OMS_REDIS_PORT (56379) Redis's. Logs: .data/cluster-dev/*.log
const path = require("path")
const { dependenciesInstalled, installDependencies } = require("./lib/medusa")
const { explain } = require("./lib/database-error")

async function main() {
  if (!dependenciesInstalled()) installDependencies()
  const { startDatabase, describeDatabase, ROOT } = require("./lib/database")
  const { medusa } = require("./lib/medusa")
  const { startRedis } = require("./lib/redis")
  const { startApp } = require("./lib/app-processes")
  const { DEMO_LOGIN } = require("./lib/demo")

  const db = await startDatabase({ purpose: "dev", database: "medusa_oms", log: () => {} })
  console.log(`[oms] database: ${describeDatabase(db)}`)
  const redis = await startRedis({ name: "dev", log: (m) => console.log(`[oms] ${m}`) })
  const procs = []
  let stopping = false
  const stop = async (code) => {
    if (stopping) return
    stopping = true
    await Promise.all(procs.map((p) => p.stop()))
    await redis.stop()
    await db.stop()
    process.exit(code)
  }
  process.on("SIGINT", () => stop(0))
  process.on("SIGTERM", () => stop(0))

  try {
    console.log("[oms] migrating...")
    await medusa(["db:migrate"], db)
    console.log("[oms] seeding the demo store (once)...")
    // The seed's events go onto Redis and wait there until a worker runs them.
    await medusa(["exec", "./scripts/seed/run.ts"], db, { extraEnv: { REDIS_URL: redis.url } })

    const logDir = path.join(ROOT, ".data", "cluster-dev")
    const servers = Number(process.env.OMS_CLUSTER_SERVERS || 1)
    const workers = Number(process.env.OMS_CLUSTER_WORKERS || 2)
    const firstPort = Number(process.env.PORT || 9000)
    for (let i = 0; i < workers; i++) {
      const p = await startApp({ role: "worker", name: `worker-${i + 1}`, db, redisUrl: redis.url, logFile: path.join(logDir, `worker-${i + 1}.log`) })
      procs.push(p)
      console.log(`[oms] worker-${i + 1}: pid ${p.pid}, /health on ${p.base}`)
    }
    for (let i = 0; i < servers; i++) {
      const p = await startApp({ role: "server", name: `server-${i + 1}`, db, redisUrl: redis.url, port: firstPort + i, logFile: path.join(logDir, `server-${i + 1}.log`) })
      procs.push(p)
      console.log(`[oms] server-${i + 1}: pid ${p.pid}, ${p.base} (store and admin API)`)
    }
    console.log(`\n[oms] Cluster up: ${servers} server(s), ${workers} worker(s), Redis ${redis.url}. Logs: ${path.relative(ROOT, logDir)}/`)
    console.log(`[oms] Admin API login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password} (the dashboard is served by npm run dev)\n`)
    for (const p of procs) {
      p.exited.then(({ code, signal }) => {
        if (!stopping) console.log(`[oms] ${p.name} exited (${code ?? signal}); see ${p.logFile}`)
      })
    }
  } catch (e) {
    console.error(`[oms] ${explain(e)}`)
    await stop(1)
  }
}

main().catch((e) => {
  console.error(`[oms] ${explain(e)}`)
  process.exit(1)
})
