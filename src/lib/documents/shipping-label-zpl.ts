import { formatWeight } from "../shipping/units"
import { labelAddressLines, type ShippingLabelContent } from "./shipping-label"

/**
 * Shipping labels as ZPL II for a 4x6 in thermal printer at 203 dpi (812 x 1218 dots), one
 * ^XA..^XZ format per parcel. The tracking number is printed as text and as a Code 128 barcode
 * (^BC). ZPL is a thermal format, so there is no A4/Letter variant: a sheet printer takes the PDF.
 */
export const ZPL_WIDTH_DOTS = 812
export const ZPL_HEIGHT_DOTS = 1218
const LEFT = 40

export function renderShippingLabelZpl(labels: ShippingLabelContent[]): string {
  if (labels.length === 0) throw new Error("A label document needs at least one label")
  return labels.map(labelFormat).join("\n")
}

function labelFormat(label: ShippingLabelContent): string {
  const out: string[] = ["^XA", "^CI28", `^PW${ZPL_WIDTH_DOTS}`, `^LL${ZPL_HEIGHT_DOTS}`, "^LH0,0"]
  const text = (x: number, y: number, size: number, value: string, maxChars = 44) =>
    out.push(`^FO${x},${y}^A0N,${size},${size}^FH\\^FD${fieldData(clip(value, maxChars))}^FS`)
  const line = (y: number, thickness = 3) => out.push(`^FO${LEFT},${y}^GB${ZPL_WIDTH_DOTS - 2 * LEFT},${thickness},${thickness}^FS`)

  let y = 30
  text(LEFT, y, 30, label.carrier_name.toUpperCase(), 30)
  text(560, y + 4, 24, `Parcel ${label.parcel_number} of ${label.parcel_count}`, 18)
  y += 50
  text(LEFT, y, 20, "FROM")
  y += 26
  for (const entry of labelAddressLines(label.from)) {
    text(LEFT, y, 22, entry, 56)
    y += 26
  }
  line(y + 6)
  y += 24
  text(LEFT, y, 22, label.is_return ? "RETURN TO" : "SHIP TO")
  y += 30
  labelAddressLines(label.to).forEach((entry, i) => {
    text(LEFT, y, i === 0 ? 40 : 34, entry, i === 0 ? 32 : 38)
    y += i === 0 ? 46 : 40
  })
  line(y + 6, 6)
  y += 28
  text(LEFT, y, 42, label.service_name, 30)
  y += 54
  text(LEFT, y, 28, `Weight ${formatWeight(label.weight_g)}`, 24)
  text(480, y, 28, `Shipped ${label.shipped_at.slice(0, 10)}`, 20)
  y += 40
  if (label.is_return) text(LEFT, y, 50, "RETURN", 12)

  // Barcode near the bottom; the tracking number under it is our own larger text, so ^BC prints no line (f=N).
  const barcodeY = ZPL_HEIGHT_DOTS - 330
  line(barcodeY - 30)
  if (barcodeSafe(label.tracking_number)) {
    out.push(`^FO${LEFT + 20},${barcodeY}^BY3,3,200^BCN,200,N,N,N^FD${label.tracking_number}^FS`)
  }
  text(LEFT, ZPL_HEIGHT_DOTS - 80, 30, label.tracking_number, 40)
  text(LEFT, ZPL_HEIGHT_DOTS - 44, 22, `Ref ${label.reference}`, 60)
  out.push("^XZ")
  return out.join("\n")
}

/**
 * ^BC data starts in Code 128 subset B and reads ">" as the start of an invocation code, and
 * ^ and ~ end a field: a value with those (or outside printable ASCII) gets no barcode.
 */
function barcodeSafe(value: string): boolean {
  return /^[\x20-\x7e]+$/.test(value) && !/[>^~]/.test(value)
}

/** Field data with ^FH\: the characters that would end the field are written as \hh (UTF-8 bytes). */
function fieldData(value: string): string {
  let out = ""
  for (const ch of value.replace(/[\r\n\t]+/g, " ")) {
    out += ch === "^" || ch === "~" || ch === "\\" ? `\\${ch.charCodeAt(0).toString(16).toUpperCase()}` : ch
  }
  return out
}

function clip(value: string, maxChars: number): string {
  const chars = [...value]
  return chars.length <= maxChars ? value : `${chars.slice(0, maxChars - 1).join("")}…`
}
