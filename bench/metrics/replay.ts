/**
 * Runs the metrics' statements (built by the modules' own builders, as their services build
 * them) with EXPLAIN (ANALYZE, BUFFERS) against a benchmark database, without booting the app:
 * a quick way to try an index.
 *
 *   npx ts-node --transpile-only bench/metrics/replay.ts <database url> [30|365] [metric keys...] [--plans] [--set=name=value]
 *   (--no-analyze: the plan only, without running the statement: for one that runs for minutes)
 *   (--time: no EXPLAIN; each statement's median of 3 plain runs, then all of them at once on one
 *    connection each, as the page sends them: the wall time of that is the page's SQL time)
 *
 * "Now" is the moment the database's orders were written (bench_metrics_written).
 */
import { Client } from "pg"
import { aggregateStatement } from "../../src/lib/metrics/sql"
import { METRIC_KEYS, type MetricKey } from "../../src/lib/metrics/types"
import { aggregateInput, benchRanges } from "./registries"
import { builderFor, METRIC_BUILDERS } from "../../src/modules/metrics/queries/facts"

/** `?` placeholders (knex and MikroORM style) as $1, $2, ... for the pg driver. */
export function numbered(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

async function main() {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("--"))
  const [url, days = "30", ...keys] = args
  const showPlans = process.argv.includes("--plans")
  const client = new Client({ connectionString: url })
  await client.connect()
  // Session settings to compare plans (e.g. --set=random_page_cost=1.1).
  for (const a of process.argv.filter((x) => x.startsWith("--set="))) {
    const [name, value] = a.slice("--set=".length).split("=")
    await client.query(`set ${name} = '${value.replace(/'/g, "''")}'`)
  }
  try {
    const { rows } = await client.query("select now_ts from bench_metrics_written")
    const range = benchRanges(new Date(rows[0].now_ts)).find((r) => r.name.startsWith(days))!
    if (process.argv.includes("--time")) {
      await timePlain(url, client, (keys.length ? keys : METRIC_KEYS) as MetricKey[], range, process.argv.filter((x) => x.startsWith("--set=")))
      return
    }
    let total = 0
    for (const key of (keys.length ? keys : METRIC_KEYS) as MetricKey[]) {
      const input = aggregateInput(key, range)
      const builder = process.argv.includes("--live") ? METRIC_BUILDERS[key] : builderFor(key, input.filters)
      const { sql, params } = aggregateStatement(builder, input)
      const how = process.argv.includes("--no-analyze") ? "" : "(analyze, buffers) "
      const { rows: plan } = await client.query(`explain ${how}${numbered(sql)}`, params as any[])
      const lines = plan.map((r: any) => r["QUERY PLAN"] as string)
      const ms = Number(/([\d.]+) ms/.exec(lines.find((l) => l.startsWith("Execution Time")) ?? "")?.[1] ?? NaN)
      total += ms
      console.log(`${key.padEnd(28)} ${ms.toFixed(1).padStart(9)} ms`)
      if (showPlans) console.log(lines.join("\n"))
    }
    console.log(`${"sum".padEnd(28)} ${total.toFixed(1).padStart(9)} ms (${range.name})`)
  } finally {
    await client.end()
  }
}

async function timePlain(url: string, client: Client, keys: MetricKey[], range: any, sets: string[]) {
  const statement = (key: MetricKey) => {
    const input = aggregateInput(key, range)
    const builder = process.argv.includes("--live") ? METRIC_BUILDERS[key] : builderFor(key, input.filters)
    const { sql, params } = aggregateStatement(builder, input)
    return { sql: numbered(sql), params: params as any[] }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  let total = 0
  for (const key of keys) {
    const { sql, params } = statement(key)
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint()
      await client.query(sql, params)
      times.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
    total += median(times)
    console.log(`${key.padEnd(28)} ${median(times).toFixed(1).padStart(9)} ms`)
  }
  console.log(`${"sum".padEnd(28)} ${total.toFixed(1).padStart(9)} ms (${range.name}, one after another)`)
  const clients = await Promise.all(
    keys.map(async () => {
      const c = new Client({ connectionString: url })
      await c.connect()
      for (const a of sets) {
        const [name, value] = a.slice("--set=".length).split("=")
        await c.query(`set ${name} = '${value.replace(/'/g, "''")}'`)
      }
      return c
    })
  )
  const walls: number[] = []
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint()
    await Promise.all(keys.map((key, k) => clients[k].query(statement(key).sql, statement(key).params)))
    walls.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  await Promise.all(clients.map((c) => c.end()))
  console.log(`${"all at once".padEnd(28)} ${median(walls).toFixed(1).padStart(9)} ms (median of 3)`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
