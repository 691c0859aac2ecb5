// The first run of a fresh checkout: its embedded PostgreSQL starts from any folder (a 0700
// one too, where root's `postgres` user cannot enter), every script says in one sentence why
// the database cannot start when it cannot, and two checkouts never share a server.
import net from "net"
import { freePort, hold, makeCheckout, privateFolder, probe, removeCheckouts, runScript } from "./checkout"

const { defaultPort } = require("../lib/cluster")

jest.setTimeout(180_000)

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(|EACCES|node:internal/m)

describe("a fresh checkout in a private folder", () => {
  let parent: string
  let checkout: string
  beforeAll(() => {
    parent = privateFolder()
    checkout = makeCheckout(parent)
  })
  afterAll(() => removeCheckouts(parent, [checkout]))

  it("starts its embedded database and answers a query", async () => {
    const port = await freePort()
    const run = await probe(checkout, port)
    noStackTrace(run.stderr)
    expect(run.stderr.trim()).toBe("")
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report).toMatchObject({ name: "first_run", two: 2, reused: false })
    expect(report.line).toContain(`localhost:${port}/first_run`)
  })

  it("starts it again on the data it kept", async () => {
    const port = await freePort()
    const first = await probe(checkout, port, "kept")
    const again = await probe(checkout, port, "kept")
    expect(again.status).toBe(0)
    expect(JSON.parse(again.stdout).dataDir).toBe(JSON.parse(first.stdout).dataDir)
  })

  describe("when the database cannot start", () => {
    // Another program on the port: it answers every connection with a line that is not PostgreSQL.
    let blocker: net.Server
    let port: number
    const sockets = new Set<net.Socket>()
    beforeAll(async () => {
      port = await freePort()
      blocker = net.createServer((socket) => {
        sockets.add(socket)
        socket.on("error", () => {})
        socket.on("close", () => sockets.delete(socket))
        socket.end("not postgres\n")
      })
      await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve))
    })
    afterAll(async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => blocker.close(() => resolve()))
    })

    const sentence = () => new RegExp(`^Port ${port} is in use by another program, not an embedded PostgreSQL of this checkout; set OMS_PG_PORT to a free port \\(or DATABASE_URL to use that server\\)\\.$`)

    it.each([
      ["npm run dev", "dev.js", [], "[oms] "],
      ["npm run seed", "seed.js", [], "[oms] "],
      ["npm run db:reset", "db-reset.js", [], "[oms] "],
      ["npm test -- modules", "test.js", ["modules"], "[test] "],
    ])("%s says why in one sentence, without a stack trace", async (_name, script, args, prefix) => {
      const res = await runScript(checkout, script as string, args as string[], port)
      expect(res.status).toBe(1)
      noStackTrace(res.stderr)
      const lines = res.stderr.trim().split("\n")
      expect(lines).toHaveLength(1)
      expect(lines[0].startsWith(prefix as string)).toBe(true)
      expect(lines[0].slice((prefix as string).length)).toMatch(sentence())
    })
  })
})

describe("two checkouts on one machine", () => {
  let parent: string
  let first: string
  let second: string
  beforeAll(() => {
    parent = privateFolder()
    first = makeCheckout(parent, "first")
    second = makeCheckout(parent, "second")
  })
  afterAll(() => removeCheckouts(parent, [first, second]))

  it("get their own ports unless OMS_PG_PORT says otherwise", () => {
    const ports = ["/srv/one/medusa-oms", "/srv/two/medusa-oms", "/home/ann/medusa-oms"].map((root) => [
      defaultPort("dev", root),
      defaultPort("test", root),
    ])
    for (const [dev, test] of ports) {
      expect(test).toBe(dev + 1)
      expect(dev).toBeGreaterThanOrEqual(54400)
      expect(test).toBeLessThanOrEqual(54999)
    }
    expect(new Set(ports.flat()).size).toBe(6)
    expect(defaultPort("dev", "/srv/one/medusa-oms")).toBe(ports[0][0])
  })

  it("do not share a server: the second names the first's and changes nothing in it", async () => {
    const port = await freePort()
    const running = await hold(first, port, "first_db")
    try {
      const refused = await probe(second, port, "second_db")
      expect(refused.status).toBe(1)
      noStackTrace(refused.stderr)
      expect(refused.stderr.trim()).toBe(
        `Port ${port} is taken by the embedded PostgreSQL of the checkout at ${first}` +
          (running.report.dataDir.startsWith(first) ? "" : ` (data in ${running.report.dataDir})`) +
          `; set OMS_PG_PORT to a free port to give this checkout a server of its own.`
      )
      // The first checkout's own scripts reuse it, and say so.
      const reused = await probe(first, port, "first_db")
      expect(reused.status).toBe(0)
      expect(JSON.parse(reused.stdout)).toMatchObject({ reused: true, dataDir: running.report.dataDir })
      expect(JSON.parse(reused.stdout).line).toMatch(/already running, reused$/)
      // Nothing of the second checkout's landed in the first one's server.
      const names = await probe(first, port, "postgres")
      expect(names.status).toBe(0)
      const { withClient } = require("../lib/database")
      const databases = await withClient({ host: "localhost", port, user: "postgres", password: "postgres" }, async (c: any) =>
        (await c.query("select datname from pg_database")).rows.map((r: any) => r.datname)
      )
      expect(databases).toContain("first_db")
      expect(databases).not.toContain("second_db")
    } finally {
      await running.release()
    }
  })
})
