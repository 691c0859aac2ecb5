/**
 * The database could not start. The message is one sentence that says why and what to do;
 * the scripts print it as it is, without a stack trace.
 */
class DatabaseStartError extends Error {
  constructor(message) {
    super(message)
    this.name = "DatabaseStartError"
  }
}

/** What a script prints for an error: the sentence for a database that cannot start, else the stack. */
function explain(error) {
  if (error instanceof DatabaseStartError || error?.name === "DatabaseStartError") return error.message
  return error?.stack || String(error)
}

module.exports = { DatabaseStartError, explain }
