import { CsvError, parse, type CastingContext, type Info } from "csv-parse/sync"

/** One CSV record and the 1-based file line it starts on. */
export type CsvRecord = { line: number; fields: string[] }

/** A part of the file that is not CSV, by the file line its record starts on. */
export type CsvProblem = { line: number; message: string }

export type CsvReadResult = { records: CsvRecord[]; errors: CsvProblem[] }

/**
 * csv-parse reads RFC 4180: commas, double-quoted fields with "" for a quote and line breaks
 * inside. On top of that we accept what spreadsheets and hand edits produce.
 */
const OPTIONS = {
  bom: true,
  // One file may mix line ends (rows pasted from another editor); each of them ends a record.
  record_delimiter: ["\r\n", "\n", "\r"],
  // The caller knows how wide a row must be and says so with the line number.
  relax_column_count: true,
  // A quote inside an unquoted field is a character (12" SHELF), not an error.
  relax_quotes: true,
  // Whitespace around a field, also around its quotes, is not part of it.
  trim: true,
}

/**
 * Reads CSV text into records, each with the file line it starts on (a quoted field with line
 * breaks makes a record span several lines). Blank lines are skipped. A record that is not CSV
 * is reported on its first line and the reading goes on with the next line; a quote left open
 * is reported where its record starts and ends the file, since everything after it is inside it.
 */
export function readCsv(text: string): CsvReadResult {
  const input = Buffer.from(text, "utf8")
  const lines = lineStarts(input)
  const records: CsvRecord[] = []
  const errors: CsvProblem[] = []
  let from = 0
  while (from < input.length) {
    let recordStart = from // byte offset of the record being read
    let parserLines = 0 // csv-parse's line count after the last whole record of this pass
    try {
      parse(input.subarray(from), {
        ...OPTIONS,
        on_record: (fields: string[], context: CastingContext) => {
          if (fields.length > 1 || fields[0] !== "") records.push({ line: lineAt(lines, recordStart), fields })
          recordStart = from + (context as CastingContext & Pick<Info, "bytes">).bytes
          parserLines = context.lines
          return null // collected here, so the records before an error are kept
        },
      })
      break
    } catch (error) {
      if (!(error instanceof CsvError)) throw error
      const line = lineAt(lines, recordStart)
      errors.push({ line, message: problemText(error) })
      if (error.code === "CSV_QUOTE_NOT_CLOSED") break
      // Go on after the line the parser stopped on (a record may span lines before its error).
      const stoppedOn = line + Math.max(0, Number(error.lines) - (parserLines + 1))
      from = lines[stoppedOn] ?? input.length
    }
  }
  return { records, errors }
}

function problemText(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "A quoted field is never closed: add the closing double quote."
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'A quoted field has text after its closing quote: put the whole field in double quotes and write a quote inside it as "".'
    default:
      return `The row is not valid CSV: ${error.message}.`
  }
}

/** Byte offsets where each physical line starts: index 0 is line 1. */
function lineStarts(input: Buffer): number[] {
  const starts = [0]
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]
    if (byte === 0x0d && input[i + 1] === 0x0a) i++
    if (byte === 0x0a || byte === 0x0d) starts.push(i + 1)
  }
  return starts
}

/** The 1-based line holding a byte offset. */
function lineAt(starts: number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid] <= offset) low = mid
    else high = mid - 1
  }
  return low + 1
}
