import { formatDocumentNumber, numberFormatProblems } from ".."

describe("document numbers", () => {
  it("fills the year and the zero-padded sequence", () => {
    expect(formatDocumentNumber("INV-{YYYY}-{SEQ:5}", { year: 2026, sequence: 42 })).toBe("INV-2026-00042")
    expect(formatDocumentNumber("CN/{YY}/{SEQ}", { year: 2026, sequence: 7 })).toBe("CN/26/7")
    expect(formatDocumentNumber("{YYYY}{SEQ:3}", { year: 2027, sequence: 12345 })).toBe("202712345")
  })

  it("accepts a format that numbers each year apart, and says what is wrong with others", () => {
    expect(numberFormatProblems("INV-{YYYY}-{SEQ:5}")).toEqual([])
    expect(numberFormatProblems("INV-{SEQ:5}")).toEqual(["must contain the year ({YYYY} or {YY}): numbering restarts every year"])
    expect(numberFormatProblems("INV-{YYYY}")).toEqual(["must contain the sequence number exactly once: {SEQ} or {SEQ:n}"])
    expect(numberFormatProblems("INV-{YYYY}-{SEQ}-{SEQ}")).toContain("must contain the sequence number exactly once: {SEQ} or {SEQ:n}")
    expect(numberFormatProblems("INV-{MONTH}-{YYYY}-{SEQ}")[0]).toBe("{MONTH} is not a placeholder; use {YYYY}, {YY}, {SEQ} or {SEQ:n}")
    expect(numberFormatProblems("INV #{YYYY}-{SEQ}")).toEqual(["may only use letters, digits and - _ / . besides the placeholders"])
  })
})
