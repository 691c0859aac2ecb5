import { normalizeBinCode } from "./bin-code"

/** Scanners and hands differ in case and stray spaces; a bin label reads the same either way. */
export function isBin(scanned: string, bin_code: string | null): boolean {
  return bin_code !== null && compact(scanned) === compact(bin_code)
}

/**
 * An item is recognised by its SKU (any case) or its barcode. Numeric barcodes match with or
 * without leading zeros, so a UPC-A scan finds the same product as its EAN-13 form.
 */
export function isItem(scanned: string, item: { sku: string | null; barcode: string | null }): boolean {
  const code = compact(scanned)
  if (!code) return false
  if (item.sku && compact(item.sku) === code) return true
  if (!item.barcode) return false
  const barcode = compact(item.barcode)
  return barcode === code || (isDigits(barcode) && isDigits(code) && stripZeros(barcode) === stripZeros(code))
}

function compact(code: string): string {
  return normalizeBinCode(code).replace(/ /g, "")
}

const isDigits = (code: string) => /^\d+$/.test(code)
const stripZeros = (code: string) => code.replace(/^0+(?=\d)/, "")
