/**
 * Label files the fakes serve at the URLs they hand out: a one-page PDF and a ZPL program,
 * each naming its tracking number, so a test can read back which label it fetched.
 */
export function fakeLabelFile(format: "pdf" | "zpl" | "png", tracking: string): { body: Buffer; type: string } {
  if (format === "zpl") {
    return { body: Buffer.from(`^XA\n^FO50,50^A0N,40,40^FDFAKE LABEL^FS\n^FO50,120^BCN,120,Y,N,N^FD${tracking}^FS\n^XZ\n`), type: "application/zpl" }
  }
  if (format === "png") {
    // The 8-byte PNG signature is enough for a client that only stores the file.
    return { body: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tracking)]), type: "image/png" }
  }
  const text = `BT /F1 18 Tf 36 360 Td (FAKE LABEL ${tracking}) Tj ET`
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]
  let pdf = "%PDF-1.4\n"
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return { body: Buffer.from(pdf), type: "application/pdf" }
}
