import { binsToCsv, parseBinsCsv } from ".."

describe("parseBinsCsv", () => {
  it("reads columns in any order and case, with an optional walk sequence", () => {
    const { rows, errors } = parseBinsCsv("SKU,Bin,Location,walk_sequence\r\nMUG,a-01-1-a,Newark DC,\r\nCAP,A-01-2-A,sloc_1,42\r\n")
    expect(errors).toEqual([])
    expect(rows).toEqual([
      { line: 2, location: "Newark DC", sku: "MUG", bin: "A-01-1-A", walk_sequence: null },
      { line: 3, location: "sloc_1", sku: "CAP", bin: "A-01-2-A", walk_sequence: 42 },
    ])
  })

  it("keeps the good rows and reports each bad one by its file line, naming the column", () => {
    const csv = [
      "location,sku,bin,walk_sequence",
      "Newark DC,MUG,A-01-1-A,10",
      ",CAP,A-01-2-A,",
      "",
      "Newark DC,TEE,A-01-3-A,soon",
      "Newark DC,HAT,,",
      "Newark DC,SOCK,A-02-1-A",
      "Newark DC,mug,B-01-1-A,",
      "Newark DC,BAG,A-02-2-A,-3",
      "Reno,MUG,C-01-1-A,",
    ].join("\n")
    const { rows, errors } = parseBinsCsv(csv)
    expect(rows.map((r) => [r.line, r.sku])).toEqual([
      [2, "MUG"],
      [10, "MUG"],
    ])
    expect(errors).toEqual([
      { line: 3, message: "location is empty: give a stock location id or name." },
      {
        line: 5,
        message: 'walk_sequence "soon" is not allowed: give a whole number from 0 to 2147483647, or leave it empty to derive it from the bin code.',
      },
      { line: 6, message: "bin is empty: give a bin code such as A-03-2-B." },
      { line: 7, message: "The row has 3 fields; the header has 4." },
      { line: 8, message: 'sku "mug" at location "Newark DC" is already given on line 2; keep one row per location and SKU.' },
      { line: 9, message: expect.stringMatching(/^walk_sequence "-3" is not allowed/) },
    ])
  })

  it("counts lines inside quoted fields, so later errors still point at the right line", () => {
    const csv = 'location,sku,bin\n"Newark\nDC",MUG,A-01-1-A\n"Reno ""West""",,B-01-1-A\n'
    const { rows, errors } = parseBinsCsv(csv)
    expect(rows).toEqual([{ line: 2, location: "Newark\nDC", sku: "MUG", bin: "A-01-1-A", walk_sequence: null }])
    expect(errors).toEqual([{ line: 4, message: "sku is empty: give the SKU of a product variant." }])
  })

  it("rejects the whole file when the header is not usable", () => {
    expect(parseBinsCsv("location,sku,walk_sequnce\nNewark DC,MUG,1\n")).toEqual({
      rows: [],
      errors: [
        {
          line: 1,
          message:
            'Header line: unknown column "walk_sequnce"; missing column "bin". The first line must name the columns location, sku and bin (walk_sequence is optional), separated by commas.',
        },
      ],
    })
    expect(parseBinsCsv("").errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^The file is empty\./) })
    expect(parseBinsCsv("bin,sku,bin,location\n").errors[0].message).toMatch(/column "bin" appears twice/)
  })

  it("reports a quote left open on the line its row starts", () => {
    const { rows, errors } = parseBinsCsv('location,sku,bin\nNewark DC,MUG,A-01-1-A\nNewark DC,"CAP,A-01-2-A\nReno,HAT,B-1\n')
    expect(rows.map((r) => r.sku)).toEqual(["MUG"])
    expect(errors).toEqual([{ line: 3, message: "A quoted field is never closed: add the closing double quote." }])
  })
})

describe("parseBinsCsv on files from spreadsheets and hand edits", () => {
  it("reads a spreadsheet export: byte-order mark, CRLF line ends, quoted names with commas and quotes", () => {
    const csv = '\ufefflocation,sku,bin\r\n"Reno, ""West"" dock",MUG,A-01-1-A\r\nNewark DC,"CAP, wool",A-01-2-A\r\n'
    const { rows, errors } = parseBinsCsv(csv)
    expect(errors).toEqual([])
    expect(rows).toEqual([
      { line: 2, location: 'Reno, "West" dock', sku: "MUG", bin: "A-01-1-A", walk_sequence: null },
      { line: 3, location: "Newark DC", sku: "CAP, wool", bin: "A-01-2-A", walk_sequence: null },
    ])
  })

  it("names the line of each ragged row, counting the lines of a quoted field before it", () => {
    const csv = 'location,sku,bin\r\n"Newark\r\nDC",MUG,A-01-1-A\r\nReno,CAP\r\nReno,HAT,B-1,7,extra\r\nReno,TEE,B-2\r\n'
    const { rows, errors } = parseBinsCsv(csv)
    expect(rows.map((r) => [r.line, r.sku])).toEqual([
      [2, "MUG"],
      [6, "TEE"],
    ])
    expect(errors).toEqual([
      { line: 4, message: "The row has 2 fields; the header has 3." },
      { line: 5, message: "The row has 5 fields; the header has 3." },
    ])
  })

  it("reports a field with text after its closing quote by line, and keeps the rows after it", () => {
    const { rows, errors } = parseBinsCsv('location,sku,bin\nReno,"MUG"-BLUE,A-1\nReno,CAP,A-2\n')
    expect(rows.map((r) => [r.line, r.sku])).toEqual([[3, "CAP"]])
    expect(errors).toEqual([{ line: 2, message: expect.stringMatching(/^A quoted field has text after its closing quote/) }])
  })
})

describe("binsToCsv", () => {
  it("writes what parseBinsCsv reads, quoting where needed", () => {
    const bins = [
      { location: "Newark DC", sku: "MUG", bin: "A-01-1-A", walk_sequence: 12 },
      { location: 'Reno, "West"', sku: "CAP", bin: "DOCK", walk_sequence: null },
    ]
    const csv = binsToCsv(bins)
    expect(csv).toBe('location,sku,bin,walk_sequence\nNewark DC,MUG,A-01-1-A,12\n"Reno, ""West""",CAP,DOCK,\n')
    expect(parseBinsCsv(csv).rows.map(({ line, ...row }) => row)).toEqual(bins)
  })
})
