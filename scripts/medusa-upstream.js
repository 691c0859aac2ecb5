// The Medusa files medusa-oms mirrors, as installed: package versions and a sha256 per file.
// The upgrade guard (src/workflows/__tests__/medusa-upstream.spec.ts) compares them with the
// pins in src/workflows/__tests__/medusa-upstream.json; docs/upgrading.md says what to compare.
//
//   node scripts/medusa-upstream.js           prints what differs from the pins
//   node scripts/medusa-upstream.js --write   pins what is installed (after the comparison is done)
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..")
const PINS_FILE = path.join(ROOT, "src", "workflows", "__tests__", "medusa-upstream.json")

function readPins() {
  return JSON.parse(fs.readFileSync(PINS_FILE, "utf8"))
}

/** The version of an installed package, from its package.json. */
function installedVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version
}

/** sha256 of an installed file ("@medusajs/core-flows/dist/..."); null when it is gone. */
function installedHash(upstream) {
  const file = path.join(ROOT, "node_modules", upstream)
  if (!fs.existsSync(file)) return null
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")
}

/** Every way the installed packages differ from the pins, as sentences. */
function differences(pins = readPins()) {
  const out = []
  for (const [name, pinned] of Object.entries(pins.packages)) {
    const version = installedVersion(name)
    if (version !== pinned) out.push(`${name} is ${version}; the mirrors were checked against ${pinned}`)
  }
  for (const entry of pins.files) {
    const hash = installedHash(entry.upstream)
    if (hash === null) out.push(`${entry.upstream} no longer exists (mirrored by ${entry.ours.join(", ")})`)
    else if (hash !== entry.sha256) out.push(`${entry.upstream} changed (mirrored by ${entry.ours.join(", ")})`)
  }
  return out
}

function writePins() {
  const pins = readPins()
  for (const name of Object.keys(pins.packages)) pins.packages[name] = installedVersion(name)
  for (const entry of pins.files) {
    const hash = installedHash(entry.upstream)
    if (hash === null) throw new Error(`${entry.upstream} is not installed: find its new home and edit ${PINS_FILE}`)
    entry.sha256 = hash
  }
  fs.writeFileSync(PINS_FILE, JSON.stringify(pins, null, 2) + "\n")
}

module.exports = { PINS_FILE, ROOT, readPins, installedVersion, installedHash, differences }

if (require.main === module) {
  if (process.argv.includes("--write")) {
    writePins()
    console.log(`pinned what is installed in ${path.relative(ROOT, PINS_FILE)}`)
  } else {
    const found = differences()
    console.log(found.length ? found.join("\n") : "the installed Medusa files match the pins")
    process.exit(found.length ? 1 : 0)
  }
}
