import { MAX_BIN_CODE_LENGTH, MAX_WALK_SEQUENCE, normalizeBinCode } from "./bin-code"
import { readCsv, writeCsv } from "../csv"
import type { BinCsvError, BinCsvRecord, BinCsvRow } from "./types"

export const BIN_CSV_COLUMNS = ["location", "sku", "bin", "walk_sequence"] as const
type Column = (typeof BIN_CSV_COLUMNS)[number]
const REQUIRED: Column[] = ["location", "sku", "bin"]

/**
 * Reads a bins file: a header naming the columns (any order, any case), then one bin per row.
 * Good rows are returned even when others are wrong; each wrong row is reported once, by its
 * file line, naming the column and what it may hold. Missing or repeated header columns stop
 * the whole file, because no row could be read safely.
 */
export function parseBinsCsv(text: string): { rows: BinCsvRow[]; errors: BinCsvError[] } {
  const { records, errors } = readCsv(text)
  const [header, ...data] = records
  if (!header) return { rows: [], errors: [...errors, { line: 1, message: headerHelp("The file is empty") }] }

  const names = header.fields.map((f) => f.trim().toLowerCase())
  const position = new Map<Column, number>()
  const headerErrors: string[] = []
  names.forEach((name, at) => {
    if (!isColumn(name)) headerErrors.push(`unknown column "${header.fields[at].trim()}"`)
    else if (position.has(name)) headerErrors.push(`column "${name}" appears twice`)
    else position.set(name, at)
  })
  const missing = REQUIRED.filter((c) => !position.has(c))
  if (missing.length) headerErrors.push(`missing column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")}`)
  if (headerErrors.length) {
    const message = headerHelp(`Header line: ${headerErrors.join("; ")}`)
    return { rows: [], errors: [{ line: header.line, message }, ...errors] }
  }

  const rows: BinCsvRow[] = []
  const seen = new Map<string, number>()
  for (const record of data) {
    const problem = rowProblem(record.fields, names.length) ?? null
    if (problem) {
      errors.push({ line: record.line, message: problem })
      continue
    }
    const cell = (column: Column) => (position.has(column) ? record.fields[position.get(column)!].trim() : "")
    const parsed = readRow(cell)
    if (typeof parsed === "string") {
      errors.push({ line: record.line, message: parsed })
      continue
    }
    const key = JSON.stringify([parsed.location.toLowerCase(), parsed.sku.toLowerCase()])
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      errors.push({ line: record.line, message: `sku "${parsed.sku}" at location "${parsed.location}" is already given on line ${earlier}; keep one row per location and SKU.` })
      continue
    }
    seen.set(key, record.line)
    rows.push({ line: record.line, ...parsed })
  }
  errors.sort((a, b) => a.line - b.line)
  return { rows, errors }
}

/** Writes bins in the format parseBinsCsv reads, one row per bin in the order given. */
export function binsToCsv(rows: BinCsvRecord[]): string {
  return writeCsv([[...BIN_CSV_COLUMNS], ...rows.map((r) => [r.location, r.sku, r.bin, r.walk_sequence])])
}

function rowProblem(fields: string[], width: number): string | undefined {
  if (fields.length !== width) return `The row has ${fields.length} field${fields.length === 1 ? "" : "s"}; the header has ${width}.`
}

function readRow(cell: (column: Column) => string): Omit<BinCsvRow, "line"> | string {
  const location = cell("location")
  const sku = cell("sku")
  const bin = normalizeBinCode(cell("bin"))
  const sequence = cell("walk_sequence")
  const problems: string[] = []
  if (!location) problems.push("location is empty: give a stock location id or name")
  if (!sku) problems.push("sku is empty: give the SKU of a product variant")
  if (!bin) problems.push("bin is empty: give a bin code such as A-03-2-B")
  else if (bin.length > MAX_BIN_CODE_LENGTH) problems.push(`bin is ${bin.length} characters long: at most ${MAX_BIN_CODE_LENGTH} are allowed`)
  let walk_sequence: number | null = null
  if (sequence !== "") {
    if (!/^\d+$/.test(sequence) || Number(sequence) > MAX_WALK_SEQUENCE) {
      problems.push(`walk_sequence "${sequence}" is not allowed: give a whole number from 0 to ${MAX_WALK_SEQUENCE}, or leave it empty to derive it from the bin code`)
    } else {
      walk_sequence = Number(sequence)
    }
  }
  if (problems.length) return problems.join("; ") + "."
  return { location, sku, bin, walk_sequence }
}

function isColumn(name: string): name is Column {
  return (BIN_CSV_COLUMNS as readonly string[]).includes(name)
}

function headerHelp(problem: string): string {
  return `${problem}. The first line must name the columns location, sku and bin (walk_sequence is optional), separated by commas.`
}
