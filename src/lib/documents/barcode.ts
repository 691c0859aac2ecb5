import bwipjs from "bwip-js"

/** A Code 128 symbol as a PNG, and how many modules (narrowest bars) wide it is. */
export type Barcode = { value: string; png: Buffer; modules: number }

/** PNG pixels per module: enough for straight bar edges when the image is scaled. */
const PIXELS_PER_MODULE = 3
/** Bars are drawn 1 mm tall and stretched in the PDF: a 1D code needs no height in the image. */
const IMAGE_HEIGHT_MM = 1
const CACHE_LIMIT = 4_000

const cache = new Map<string, Promise<Barcode | null>>()

/**
 * Code 128 for a value, or null when it cannot be encoded (empty, or characters outside
 * printable ASCII). Recent symbols are cached: the same bins and SKUs come back in every wave.
 */
export function code128(value: string | null | undefined): Promise<Barcode | null> {
  const text = value?.trim() ?? ""
  if (!text || !/^[\x20-\x7e]+$/.test(text)) return Promise.resolve(null)
  const hit = cache.get(text)
  if (hit) return hit
  const made = render(text)
  cache.set(text, made)
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  return made
}

/** Barcodes for many values at once, keyed by value. */
export async function code128All(values: (string | null | undefined)[]): Promise<Map<string, Barcode>> {
  const found = new Map<string, Barcode>()
  for (const value of new Set(values)) {
    const barcode = await code128(value)
    if (barcode) found.set(barcode.value, barcode)
  }
  return found
}

async function render(text: string): Promise<Barcode | null> {
  try {
    const png = await bwipjs.toBuffer({
      bcid: "code128",
      text,
      includetext: false,
      scaleX: PIXELS_PER_MODULE,
      scaleY: 1,
      height: IMAGE_HEIGHT_MM,
    })
    return { value: text, png, modules: png.readUInt32BE(16) / PIXELS_PER_MODULE }
  } catch {
    return null // bwip-js refuses the value; the document still prints it as text
  }
}
