import fs from "fs"
import path from "path"

// The upgrade guard. About 1,100 lines of medusa-oms mirror Medusa 2.21.2 internals (the
// checkout and fulfilment workflows, helpers core-flows does not export, two replaced routes).
// When Medusa is upgraded, this test names every upstream file that changed, so the mirrors are
// compared before they silently drift. It reads files only (the unit layer runs it).
const upstream = require("../../../scripts/medusa-upstream.js") as {
  ROOT: string
  readPins(): Pins
  installedVersion(name: string): string
  installedHash(file: string): string | null
}

type Pins = {
  packages: Record<string, string>
  files: { upstream: string; ours: string[]; sha256: string }[]
}

const pins = upstream.readPins()
const HOW = "Compare the mirror as docs/upgrading.md says, then pin the new files: node scripts/medusa-upstream.js --write"

describe("the Medusa code medusa-oms mirrors", () => {
  it.each(Object.entries(pins.packages))("is still %s %s", (name, pinned) => {
    const version = upstream.installedVersion(name)
    if (version !== pinned) {
      throw new Error(`${name} is ${version} here; the mirrored files were checked against ${pinned}. ${HOW}`)
    }
  })

  it.each(pins.files.map((f) => [f.upstream, f] as const))("has not changed: %s", (_, file) => {
    const hash = upstream.installedHash(file.upstream)
    const mirrors = `medusa-oms mirrors it in ${file.ours.join(", ")}`
    if (hash === null) throw new Error(`node_modules/${file.upstream} no longer exists (${mirrors}). ${HOW}`)
    if (hash !== file.sha256) {
      throw new Error(`node_modules/${file.upstream} changed since it was pinned (${mirrors}). ${HOW}`)
    }
  })

  it("names mirrors that exist", () => {
    const missing = pins.files.flatMap((f) => f.ours).filter((p) => !fs.existsSync(path.join(upstream.ROOT, p)))
    expect(missing).toEqual([])
  })

  it("has a comparison in docs/upgrading.md for every pinned file", () => {
    const guide = fs.readFileSync(path.join(upstream.ROOT, "docs", "upgrading.md"), "utf8")
    const undocumented = pins.files.map((f) => f.upstream).filter((file) => !guide.includes(file))
    expect(undocumented).toEqual([])
  })
})
