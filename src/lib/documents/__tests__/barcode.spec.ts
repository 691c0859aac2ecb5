import bwipjs from "bwip-js"
import fc from "fast-check"
import { inflateSync } from "zlib"
import { code128 } from "../barcode"

/** Black runs [start, end) in modules, read from our one-row PNG. */
function barsInPng(png: Buffer, modules: number): [number, number][] {
  const width = png.readUInt32BE(16)
  const idat = png.indexOf("IDAT")
  const length = png.readUInt32BE(idat - 4)
  const row = inflateSync(png.subarray(idat + 4, idat + 4 + length)).subarray(1)
  const perModule = width / modules
  const bars: [number, number][] = []
  for (let x = 0; x < width; x++) {
    const black = (row[x >> 3] & (0x80 >> (x & 7))) === 0
    const last = bars[bars.length - 1]
    if (black && last && last[1] === x / perModule) last[1] = (x + 1) / perModule
    else if (black) bars.push([x / perModule, (x + 1) / perModule])
  }
  return bars
}

/** Black runs [start, end) in modules, read from bwip-js's own SVG rendering at scale 1. */
function barsInBwipSvg(text: string): [number, number][] {
  const svg = bwipjs.toSVG({ bcid: "code128", text, includetext: false, scale: 1, height: 5 })
  const bars: [number, number][] = []
  for (const path of svg.matchAll(/stroke-width="([\d.]+)" d="([^"]+)"/g)) {
    const width = Number(path[1])
    for (const move of path[2].matchAll(/M([\d.]+) /g)) bars.push([Number(move[1]) - width / 2, Number(move[1]) + width / 2])
  }
  return bars.sort((a, b) => a[0] - b[0])
}

describe("code128", () => {
  it("draws exactly the bars bwip-js renders for the same value", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]{1,24}$/).filter((s) => s.trim() === s), (text) => {
        const barcode = code128(text)!
        expect(barcode.png.subarray(1, 4).toString()).toBe("PNG")
        expect(barsInPng(barcode.png, barcode.modules)).toEqual(barsInBwipSvg(text))
      }),
      { numRuns: 60 }
    )
  })

  it("has no symbol for values Code 128 cannot hold, so only the text is printed", () => {
    expect(code128("")).toBeNull()
    expect(code128("   ")).toBeNull()
    expect(code128("TEE-ÜBER")).toBeNull()
    expect(code128(null)).toBeNull()
  })

  it("is as wide as the symbology says: 11 modules per symbol plus a 13-module stop", () => {
    // "A-01-1-A": start B, 8 data symbols, check symbol, stop.
    expect(code128("A-01-1-A")!.modules).toBe(11 * 10 + 13)
  })
})
