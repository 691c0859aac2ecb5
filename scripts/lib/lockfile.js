// Is the committed package-lock.json exactly what `npm install` writes for package.json?
// When it is not, a fresh clone's `npm install` rewrites it (git status is dirty) and
// `npm ci` in CI installs something nobody committed. Asks the npm registry, as npm does.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawnSync } = require("child_process")

/**
 * Resolves `packageJson` + `lock` (file contents) with `npm install --package-lock-only` in a
 * scratch folder and compares. Returns null when npm keeps the lock as it is, otherwise one
 * sentence naming what npm would change and what to do.
 */
function lockfileDrift({ packageJson, lock, npmrc = null }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oms-lockfile-"))
  try {
    fs.writeFileSync(path.join(dir, "package.json"), packageJson)
    fs.writeFileSync(path.join(dir, "package-lock.json"), lock)
    if (npmrc !== null) fs.writeFileSync(path.join(dir, ".npmrc"), npmrc)
    const res = spawnSync("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, npm_config_update_notifier: "false" },
    })
    if (res.status !== 0) {
      const why = res.error ? res.error.message : (res.stderr || "").trim().split("\n").slice(-3).join(" ")
      throw new Error(`npm install --package-lock-only could not resolve package.json (${why})`)
    }
    const written = fs.readFileSync(path.join(dir, "package-lock.json"), "utf8")
    if (written === lock) return null
    return `package-lock.json is not what npm install writes (${describeChanges(lock, written)}); run npm install and commit package-lock.json.`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The same check for this checkout's committed files. */
function checkoutLockfileDrift(root) {
  const read = (name) => fs.readFileSync(path.join(root, name), "utf8")
  const npmrc = fs.existsSync(path.join(root, ".npmrc")) ? read(".npmrc") : null
  return lockfileDrift({ packageJson: read("package.json"), lock: read("package-lock.json"), npmrc })
}

function describeChanges(before, after) {
  let a, b
  try {
    a = JSON.parse(before).packages || {}
    b = JSON.parse(after).packages || {}
  } catch {
    return "the committed file is not valid JSON"
  }
  const list = (names) => names.slice(0, 3).join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "")
  const added = Object.keys(b).filter((k) => !(k in a))
  const removed = Object.keys(a).filter((k) => !(k in b))
  const changed = Object.keys(b).filter((k) => k in a && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
  const parts = []
  if (added.length) parts.push(`it would add ${list(added)}`)
  if (removed.length) parts.push(`remove ${list(removed)}`)
  if (changed.length) parts.push(`change ${list(changed.map((k) => k || "the root package"))}`)
  return parts.join(", ") || "only its formatting differs"
}

module.exports = { lockfileDrift, checkoutLockfileDrift }
