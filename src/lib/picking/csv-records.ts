/** One CSV record and the 1-based file line it starts on. */
export type CsvRecord = { line: number; fields: string[] }

export type CsvReadResult = { records: CsvRecord[]; errors: { line: number; message: string }[] }

/**
 * RFC 4180 reading: commas, double-quoted fields (with "" for a quote and line breaks inside),
 * CRLF or LF line ends, a leading byte-order mark. Blank lines are skipped. A quote left open
 * is reported on the line where its record starts and ends the file.
 */
export function readCsv(text: string): CsvReadResult {
  const records: CsvRecord[] = []
  const errors: CsvReadResult["errors"] = []
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let line = 1
  let i = 0
  while (i < input.length) {
    const start = line
    const fields: string[] = []
    let field = ""
    let quoted = false
    let endOfRecord = false
    while (i < input.length && !endOfRecord) {
      const ch = input[i]
      if (quoted) {
        if (ch === '"' && input[i + 1] === '"') {
          field += '"'
          i += 2
        } else if (ch === '"') {
          quoted = false
          i++
        } else {
          if (ch === "\n") line++
          field += ch
          i++
        }
      } else if (ch === '"' && field.trim() === "") {
        quoted = true
        field = ""
        i++
      } else if (ch === ",") {
        fields.push(field)
        field = ""
        i++
      } else if (ch === "\n" || ch === "\r") {
        i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1
        line++
        endOfRecord = true
      } else {
        field += ch
        i++
      }
    }
    if (quoted) {
      errors.push({ line: start, message: "A quoted field is never closed: add the closing double quote." })
      break
    }
    fields.push(field)
    if (fields.length > 1 || fields[0].trim() !== "") records.push({ line: start, fields })
  }
  return { records, errors }
}

/** Quotes a field when a reader could misread it. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
