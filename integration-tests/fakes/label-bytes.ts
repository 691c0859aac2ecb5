/**
 * Small but well-formed label files for the fake carriers to serve: a one-page 4x6 PDF and a ZPL
 * stream, each carrying the tracking number as text and as a Code 128 barcode field, so a test
 * can read back which parcel a file belongs to.
 */
export function pdfLabel(trackingNumber: string): Buffer {
  const text = trackingNumber.replace(/[()\\]/g, "")
  const stream = `BT /F1 14 Tf 20 380 Td (${text}) Tj ET`
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]
  let out = "%PDF-1.4\n"
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, "latin1")
}

export function zplLabel(trackingNumber: string): Buffer {
  return Buffer.from(`^XA^CF0,40^FO40,40^FD${trackingNumber}^FS^FO40,120^BCN,120,Y,N,N^FD${trackingNumber}^FS^XZ\n`, "utf8")
}
