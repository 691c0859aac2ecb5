export { readCsv, type CsvProblem, type CsvReadResult, type CsvRecord } from "./read"
export { writeCsv, type CsvValue } from "./write"
