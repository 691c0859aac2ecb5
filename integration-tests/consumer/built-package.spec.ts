import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createDatabaseIfMissing, dropDatabase, parseDatabaseUrl } = require("../../scripts/lib/database")

jest.setTimeout(240_000)

const ROOT = path.resolve(__dirname, "..", "..")
const HOST = path.join(__dirname, "host")
const BUILT = path.join(ROOT, ".medusa", "server")

/** What `npm publish` would ship, as npm computes it from package.json "files". */
function packedFiles(): string[] {
  const res = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" })
  if (res.status !== 0) throw new Error(`npm pack failed: ${res.stderr}`)
  return JSON.parse(res.stdout)[0].files.map((f: { path: string }) => f.path)
}

describe("the published package", () => {
  it("was built (npm run build) before this test", () => {
    expect(fs.existsSync(path.join(BUILT, "src", "modules", "routing", "index.js"))).toBe(true)
  })

  it("ships the server code, migrations and admin extensions, and no tests or dev config", () => {
    const files = packedFiles()
    expect(files).toEqual(
      expect.arrayContaining([
        "package.json",
        ".medusa/server/src/modules/routing/index.js",
        ".medusa/server/src/api/admin/oms/locations/route.js",
        ".medusa/server/src/workflows/index.js",
        ".medusa/server/src/admin/index.mjs",
      ])
    )
    expect(files.some((f) => /migrations\/Migration\d+\.js$/.test(f))).toBe(true)
    const leaked = files.filter((f) =>
      /(__tests__|\.spec\.|integration-tests|medusa-config|jest\.config|^scripts\/|^bench\/|\.data\/|\.ts$)/.test(f)
    )
    expect(leaked).toEqual([])
  })

  it("ships the geo data beside the built geocoder, which places a German address by its postal code", () => {
    const files = packedFiles()
    expect(files).toEqual(
      expect.arrayContaining([
        ".medusa/server/src/lib/geo/data/bundled.json",
        ".medusa/server/src/lib/geo/data/names/de.json",
        ".medusa/server/src/lib/geo/data/postal/de.json",
      ])
    )
    const { geocodeAddress } = require(path.join(BUILT, "src", "lib", "geo"))
    const munich = geocodeAddress({ country_code: "DE", city: "München", postal_code: "80331" })
    expect(munich.precision).toBe("postal_code")
    expect(munich.point.lat).toBeCloseTo(48.13, 1)
    expect(munich.point.lng).toBeCloseTo(11.57, 1)
    expect(geocodeAddress({ country_code: "IT", city: "Torino" }).precision).toBe("city")
  })

  it("prints a packing slip from the build with the embedded Unicode fonts it resolves from node_modules", async () => {
    const { renderPackingSlipPdf } = require(path.join(BUILT, "src", "lib", "documents"))
    const pdf: Buffer = await renderPackingSlipPdf(
      {
        order_display_id: 7,
        order_id: "order_host",
        wave_id: "owave_host",
        tote: 1,
        location_name: "Magazyn Łódź",
        ship_to: { name: "Łukasz Żółć", company: null, address_1: "Ulica 1", address_2: null, city: "Łódź", province: null, postal_code: "90-001", country_code: "pl", phone: null },
        items: [{ sku: "MUG", title: "Ελένη", variant_title: "Şükrü", quantity: 1, barcode: null }],
        generated_at: "2025-06-02T14:05:00Z",
      },
      { paper: "a4" }
    )
    const raw = pdf.toString("latin1")
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/)
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-Bold\b/)
  })

  it("stops a host app at start-up when an option is wrong, naming the option", async () => {
    const db = process.env.OMS_TEST_DATABASE_URL!
    const server = parseDatabaseUrl(db)
    await createDatabaseIfMissing(server, "oms_consumer_bad_options")
    const res = spawnSync(path.join(ROOT, "node_modules", ".bin", "medusa"), ["db:migrate", "--skip-links"], {
      cwd: HOST,
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: db.replace(/\/[^/]*$/, "/oms_consumer_bad_options"),
        OMS_HOST_OPTIONS: JSON.stringify({ timezon: "UTC", routing: { enabled: "yes" } }),
        MEDUSA_DISABLE_TELEMETRY: "true",
      },
    })
    expect(res.status).not.toBe(0)
    const output = `${res.stdout}\n${res.stderr}`
    expect(output).toMatch(/medusa-oms: invalid plugin options/)
    expect(output).toMatch(/unknown option "timezon"/)
    await dropDatabase(server, "oms_consumer_bad_options")
  })
})

// The host app boots with the BUILT plugin (resolved to .medusa/server by Medusa), runs the
// plugin's migrations and serves its routes with the operator's options.
medusaIntegrationTestRunner({
  cwd: HOST,
  testSuite: ({ api, getContainer }) => {
    describe("a host app with the built plugin installed", () => {
      it("serves the plugin's admin routes with the plugin's module migrated", async () => {
        const admin = await adminHeaders(getContainer(), api)
        const { data: created } = await api.post("/admin/stock-locations", { name: "Host Warehouse" }, admin)
        const { data } = await api.post(
          `/admin/oms/locations/${created.stock_location.id}`,
          { priority: 4, markets: ["nl"] },
          admin
        )
        expect(data.location.profile).toEqual(expect.objectContaining({ priority: 4, markets: ["NL"], has_profile: true }))
      })

      it("uses the host's options (time zone for 'today')", async () => {
        const admin = await adminHeaders(getContainer(), api)
        const { data } = await api.get("/admin/oms/overview", admin)
        expect(data.timezone).toBe("Europe/Amsterdam")
      })

      it("loads the plugin's code from the build, not from src", () => {
        const loaded = Object.keys(require.cache).filter((f) => f.includes(`${path.sep}modules${path.sep}routing${path.sep}`))
        expect(loaded.length).toBeGreaterThan(0)
        expect(loaded.every((f) => f.startsWith(BUILT))).toBe(true)
      })

      it("refuses the plugin's admin routes without a session", async () => {
        const res = await api.get("/admin/oms/locations").catch((e: any) => e.response)
        expect(res.status).toBe(401)
      })
    })
  },
})
