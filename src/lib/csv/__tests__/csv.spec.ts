import fc from "fast-check"
import { readCsv, writeCsv } from ".."

const lines = (text: string) => readCsv(text).records.map((r) => [r.line, r.fields])

describe("readCsv", () => {
  it("numbers each record by the line it starts on, whatever the line ends", () => {
    for (const end of ["\n", "\r\n", "\r"]) {
      expect(lines(["sku,bin", "MUG,A-1", "", "CAP,A-2"].join(end) + end)).toEqual([
        [1, ["sku", "bin"]],
        [2, ["MUG", "A-1"]],
        [4, ["CAP", "A-2"]],
      ])
    }
    // Rows pasted from another editor: one file, three kinds of line end.
    expect(lines("sku,bin\nMUG,A-1\r\nCAP,A-2\rHAT,A-3")).toEqual([
      [1, ["sku", "bin"]],
      [2, ["MUG", "A-1"]],
      [3, ["CAP", "A-2"]],
      [4, ["HAT", "A-3"]],
    ])
  })

  it("keeps line breaks inside quotes and counts them, LF or CRLF, so later lines keep their numbers", () => {
    expect(lines('sku,note\nMUG,"fragile\nthis side up"\nCAP,x\n')).toEqual([
      [1, ["sku", "note"]],
      [2, ["MUG", "fragile\nthis side up"]],
      [4, ["CAP", "x"]],
    ])
    expect(lines('sku,note\r\nMUG,"fragile\r\nthis\r\nside up"\r\nCAP,x\r\n')).toEqual([
      [1, ["sku", "note"]],
      [2, ["MUG", "fragile\r\nthis\r\nside up"]],
      [5, ["CAP", "x"]],
    ])
  })

  it('reads "" inside quotes as a quote, and a quote inside an unquoted field as itself', () => {
    expect(lines('name,bin\n"Reno ""West"", dock 2",12" SHELF\n""""," "\n')).toEqual([
      [1, ["name", "bin"]],
      [2, ['Reno "West", dock 2', '12" SHELF']],
      [3, ['"', " "]],
    ])
  })

  it("drops a byte-order mark and whitespace around fields and around their quotes", () => {
    expect(lines('\ufeffsku , bin\n  "MUG, blue" ,A-1\n   \n')).toEqual([
      [1, ["sku", "bin"]],
      [2, ["MUG, blue", "A-1"]],
    ])
  })

  it("keeps ragged rows as they are, for the caller to judge by their line", () => {
    expect(lines("a,b,c\n1,2\n1,2,3,4\n")).toEqual([
      [1, ["a", "b", "c"]],
      [2, ["1", "2"]],
      [3, ["1", "2", "3", "4"]],
    ])
  })

  it("reports text after a closing quote on its record's first line and reads on from the next line", () => {
    const { records, errors } = readCsv('sku,bin\n"MUG"blue,A-1\nCAP,"A\n-2" x\nHAT,A-3\n')
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["sku", "bin"]],
      [5, ["HAT", "A-3"]],
    ])
    expect(errors).toEqual([
      { line: 2, message: expect.stringMatching(/^A quoted field has text after its closing quote/) },
      { line: 3, message: expect.stringMatching(/^A quoted field has text after its closing quote/) },
    ])
  })

  it("reports a quote left open where its record starts, keeping the records before it", () => {
    const { records, errors } = readCsv('sku,bin\r\nMUG,"A-1\r\nCAP,A-2\r\n')
    expect(records.map((r) => r.line)).toEqual([1])
    expect(errors).toEqual([{ line: 2, message: "A quoted field is never closed: add the closing double quote." }])
  })

  it("reads nothing from an empty file or one holding only a byte-order mark", () => {
    expect(readCsv("")).toEqual({ records: [], errors: [] })
    expect(readCsv("\ufeff")).toEqual({ records: [], errors: [] })
  })
})

describe("writeCsv", () => {
  it("quotes commas, quotes, line breaks and edge whitespace; no byte-order mark; \\n after every row", () => {
    const csv = writeCsv([
      ["name", "note", "count", "ok"],
      ['Reno, "West"', "line\nbreak", 3, true],
      [" padded", "cr\ronly", null, false],
      ["plain", "", undefined, 0],
    ])
    expect(csv).toBe('name,note,count,ok\n"Reno, ""West""","line\nbreak",3,true\n" padded","cr\ronly",,false\nplain,,,0\n')
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
  })

  it("writes what readCsv reads back, field for field", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "Ł", "ż", " ", ",", '"', "\n", "\r", "-", "1"), maxLength: 8 })
    // Reading trims whitespace outside quotes only, and skips a record that is one empty field.
    const row = fc.array(field, { minLength: 2, maxLength: 5 })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const { records, errors } = readCsv(writeCsv(rows))
        expect(errors).toEqual([])
        expect(records.map((r) => r.fields)).toEqual(rows)
      })
    )
  })
})
