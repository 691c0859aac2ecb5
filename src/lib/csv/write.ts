import { stringify } from "csv-stringify/sync"

export type CsvValue = string | number | boolean | null | undefined

/**
 * RFC 4180 text through csv-stringify: "\n" line ends (also after the last row), no byte-order
 * mark. A field is quoted when it holds a comma, a double quote (written as "") or a line break,
 * and when it starts or ends with whitespace, so readers that trim fields keep it. Empty and
 * missing values are empty fields; true and false are written as words.
 */
export function writeCsv(rows: CsvValue[][]): string {
  return stringify(rows, {
    record_delimiter: "\n",
    // csv-stringify quotes "\n" itself (the record delimiter); a lone "\r" must be quoted too.
    quoted_match: [/\r/, /^\s|\s$/],
    cast: { boolean: (value) => String(value) },
  })
}
