import { renderPackingSlipPdf, renderShippingLabelPdf } from ".."
import { readPdf } from "./read-pdf"
import { sampleSlip } from "./samples"

// The first render in a process opens the embedded fonts: seconds when the machine is busy.
jest.setTimeout(30_000)

const address = (name: string) => ({ name, line1: "Hauptstraße 1", city: "München", postal_code: "80331", country_code: "DE" })
const label = (name: string, tracking_number: string) => ({
  carrier_name: "Offline carrier",
  service_name: "Offline Express",
  tracking_number,
  from: address("Lager Nord"),
  to: address(name),
  weight_g: 900,
  reference: "ref-1",
  parcel_number: 1,
  parcel_count: 1,
  shipped_at: "2026-12-01T10:00:00Z",
})

describe("the fonts every document shares", () => {
  it("keep a letter's text after an earlier document printed it inside an accented one (Ü holds a U)", async () => {
    // Fresh glyphs for this process: the first document is the only one that prints Ü and Ö.
    await renderShippingLabelPdf([label("ÜBERALL ÖSTERREICH", "OL1")], { size: "4x6" })
    const { text } = await readPdf(await renderShippingLabelPdf([label("JULIUS UHU OTTO", "OL2")], { size: "4x6" }))
    expect(text).toContain("JULIUS UHU OTTO")
    const slip = sampleSlip()
    slip.ship_to.name = "URSULA OUTRAM"
    expect((await readPdf(await renderPackingSlipPdf(slip, { paper: "a4" }))).text).toContain("URSULA OUTRAM")
  })
})
