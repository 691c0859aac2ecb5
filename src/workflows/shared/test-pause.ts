import fs from "fs"
import os from "os"
import path from "path"

/**
 * Test-only pause points, off unless OMS_TEST_PAUSE_AT is set (never set it in a shop).
 *
 * The cluster tests SIGKILL a worker "in the middle" of a workflow. To make the middle a known
 * place instead of a race, a step calls `testPause("<point>", detail)` where a crash would hurt
 * most. With OMS_TEST_PAUSE_AT naming that point (comma-separated for several) and, when set,
 * OMS_TEST_PAUSE_IF a text the detail contains, the process logs
 * `[oms-test-pause] <point> <detail>` and waits OMS_TEST_PAUSE_MS (120000) before going on; the
 * test waits for that line, then kills the process. Each point pauses once per detail on the
 * machine (a token file in OMS_TEST_PAUSE_DIR, else the temp folder), so the worker that takes
 * the job over after the kill runs straight through.
 *
 * Points:
 *   route-order:reserved   routing moved the order's reservations (under the order lock) and
 *                          has not recorded the decision yet; detail "<order id> to <city>"
 */
export async function testPause(point: string, detail: string): Promise<void> {
  const wanted = process.env.OMS_TEST_PAUSE_AT
  if (!wanted || !wanted.split(",").map((p) => p.trim()).includes(point)) return
  const only = process.env.OMS_TEST_PAUSE_IF
  if (only && !detail.includes(only)) return
  const token = path.join(process.env.OMS_TEST_PAUSE_DIR || os.tmpdir(), `oms-test-pause-${`${point}-${detail}`.replace(/[^\w-]+/g, "_")}`)
  try {
    fs.writeFileSync(token, String(process.pid), { flag: "wx" })
  } catch {
    return // paused once already (by this or another process)
  }
  const ms = Number(process.env.OMS_TEST_PAUSE_MS || 120_000)
  // stdout, not the Medusa logger: the line must reach the log whatever LOG_LEVEL says.
  process.stdout.write(`[oms-test-pause] ${point} ${detail} (pid ${process.pid}, ${ms} ms)\n`)
  await new Promise((resolve) => setTimeout(resolve, ms))
}
