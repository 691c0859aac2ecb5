// A jest reporter that writes only the counts the summary line needs. jest's own --json
// output is not used: it serialises failure details, and an HTTP client error object in them
// is circular, so on the very runs that fail the file was never written.
const fs = require("fs")

class CountReporter {
  constructor(_globalConfig, options = {}) {
    this.file = options.file || process.env.OMS_TEST_COUNTS_FILE
  }

  onRunComplete(_contexts, results) {
    if (!this.file) return
    const brokenSuites = results.testResults.filter((s) => s.testExecError || (s.failureMessage && s.testResults.length === 0)).length
    fs.writeFileSync(
      this.file,
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        total: results.numTotalTests,
        broken_suites: brokenSuites,
      })
    )
  }
}

module.exports = CountReporter
