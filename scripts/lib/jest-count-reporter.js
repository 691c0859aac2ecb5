// A jest reporter that writes only the counts the summary line needs. jest's own --json
// output is not used: it serialises failure details, and an HTTP client error object in them
// is circular, so on the very runs that fail the file was never written.
const fs = require("fs")
const path = require("path")

const stripAnsi = (text) => String(text).replace(/\u001b\[[0-9;]*m/g, "")
const firstLine = (text) => (String(text).split("\n").find((l) => l.trim()) || "").trim().slice(0, 300)

class CountReporter {
  constructor(_globalConfig, options = {}) {
    this.file = options.file || process.env.OMS_TEST_COUNTS_FILE
  }

  onRunComplete(_contexts, results) {
    if (!this.file) return
    const brokenSuites = results.testResults.filter((s) => s.testExecError || (s.failureMessage && s.testResults.length === 0)).length
    // Names and first message line of each failure, so the closing summary says what failed
    // even when the log above it is cut (CI keeps only the head and tail of long output).
    const failures = []
    for (const suite of results.testResults) {
      const file = path.relative(process.cwd(), suite.testFilePath)
      if (suite.testExecError) failures.push({ file, test: "(suite did not load)", message: firstLine(suite.testExecError.message) })
      for (const t of suite.testResults) {
        if (t.status === "failed") failures.push({ file, test: t.fullName, message: firstLine(stripAnsi((t.failureMessages || [])[0] || "")) })
      }
    }
    fs.writeFileSync(
      this.file,
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        total: results.numTotalTests,
        broken_suites: brokenSuites,
        failures,
      })
    )
  }
}

module.exports = CountReporter
