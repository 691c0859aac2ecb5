import bwipjs from "bwip-js"
import { crc32, deflateSync } from "zlib"

/** A Code 128 symbol as a PNG, and how many modules (narrowest bars) wide it is. */
export type Barcode = { value: string; png: Buffer; modules: number }

/** PNG pixels per module: keeps bar edges straight when a viewer smooths the scaled image. */
const PIXELS_PER_MODULE = 4
const CACHE_LIMIT = 4_000

const cache = new Map<string, Barcode | null>()

/**
 * Code 128 for a value, or null when it cannot be encoded (empty, or characters outside
 * printable ASCII). bwip-js encodes the value; the bars become a one-pixel-tall black-and-white
 * PNG that the PDF stretches to any height. Rendering through bwip-js's own PNG output costs
 * about ten times more per symbol (its text layout and RGBA image), which a wave of thousands
 * of stops notices. Recent symbols are cached: the same bins and SKUs come back in every wave.
 */
export function code128(value: string | null | undefined): Barcode | null {
  const text = value?.trim() ?? ""
  if (!text || !/^[\x20-\x7e]+$/.test(text)) return null
  const hit = cache.get(text)
  if (hit !== undefined) return hit
  const made = encode(text)
  cache.set(text, made)
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  return made
}

/** Barcodes for many values at once, keyed by trimmed value. */
export function code128All(values: (string | null | undefined)[]): Map<string, Barcode> {
  const found = new Map<string, Barcode>()
  for (const value of new Set(values)) {
    const barcode = code128(value)
    if (barcode) found.set(barcode.value, barcode)
  }
  return found
}

/** Bar and space widths in modules, bar first; null when bwip-js refuses the value. */
export function code128Widths(text: string): number[] | null {
  try {
    const [symbol] = bwipjs.raw("code128", text) as { sbs?: number[] }[]
    return symbol?.sbs?.length ? symbol.sbs : null
  } catch {
    return null
  }
}

function encode(text: string): Barcode | null {
  const widths = code128Widths(text)
  if (!widths) return null
  const modules = widths.reduce((sum, w) => sum + w, 0)
  return { value: text, png: barsToPng(widths, modules * PIXELS_PER_MODULE), modules }
}

/** A 1-bit grayscale PNG, one row high: bars black (0), spaces white (1). */
function barsToPng(widths: number[], pixels: number): Buffer {
  const row = Buffer.alloc(1 + Math.ceil(pixels / 8), 0) // leading 0: PNG filter "none"
  let x = 0
  widths.forEach((width, i) => {
    const end = x + width * PIXELS_PER_MODULE
    if (i % 2 === 1) for (let p = x; p < end; p++) row[1 + (p >> 3)] |= 0x80 >> (p & 7)
    x = end
  })
  const header = Buffer.alloc(13)
  header.writeUInt32BE(pixels, 0)
  header.writeUInt32BE(1, 4)
  header.set([1, 0, 0, 0, 0], 8) // bit depth 1, grayscale, deflate, no filter, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(row)), chunk("IEND", Buffer.alloc(0))])
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, "ascii")
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}
