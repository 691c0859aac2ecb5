import { renderReturnSlipPdf } from ".."
import type { ReturnSlip } from "../return-slip"
import { expectInOrder, imageCount, PAPERS, pageSize, readPdf } from "./read-pdf"

jest.setTimeout(30_000)

const slip = (over: Partial<ReturnSlip> = {}): ReturnSlip => ({
  rma_code: "R-7K3P9QXM",
  order_display_id: 1042,
  method: "drop_off",
  destination: {
    name: "Newark DC",
    address: { address_1: "400 Port Street", city: "Newark", postal_code: "07114", province: "NJ", country_code: "us" },
  },
  tracking_number: null,
  lines: [
    { title: "Tee / L", sku: "TEE-L", quantity: 2, reason: "Wrong size" },
    { title: "Mug Blue", sku: "MUG-BLUE", quantity: 1, reason: null },
  ],
  generated_at: "2026-12-01T17:00:00.000Z",
  ...over,
})

describe("renderReturnSlipPdf", () => {
  it.each(PAPERS)("prints the RMA code, the order, where to send it and every line on %s", async (paper, size) => {
    const pdf = await renderReturnSlipPdf(slip(), { paper })
    expect(pageSize(pdf)).toEqual(size)
    const { text } = await readPdf(pdf)
    expect(text).toContain("RMA R-7K3P9QXM")
    expect(text).toContain("Order #1042")
    expect(text).toContain("SEND TO")
    expect(text).toContain("Newark DC")
    expect(text).toContain("400 Port Street")
    expect(text).toContain("07114 Newark, NJ")
    expectInOrder(text, ["Tee / L", "TEE-L", "Wrong size", "Mug Blue", "MUG-BLUE"])
    expect(text).toContain("3 units in 2 lines")
    // The RMA code as Code 128: the one picture on the slip.
    expect(imageCount(pdf)).toBe(1)
  })

  it("tells a label return to use the label and prints its tracking number", async () => {
    const { text } = await readPdf(await renderReturnSlipPdf(slip({ method: "label", tracking_number: "OFF123456789" }), { paper: "a4" }))
    expect(text).toContain("prepaid return label")
    expect(text).toContain("Tracking number OFF123456789")
  })

  it("prints names outside Latin-1 with the embedded font", async () => {
    const { text } = await readPdf(
      await renderReturnSlipPdf(slip({ lines: [{ title: "Łódź Świeca", sku: "ŚW-1", quantity: 1, reason: "Zmiana zdania" }] }), { paper: "a4" })
    )
    expect(text).toContain("Łódź Świeca")
  })
})
