import { parcelFromItems } from "../../picking"
import { toShippingParcels, totalWeight } from "../parcels"

describe("parcels from the pack step", () => {
  it("turn the packer's grams and millimetres into the carrier contract's grams and centimetres", () => {
    const result = toShippingParcels([
      { weight: 850, length: 305, width: 210, height: 95 },
      { weight: 1250.4, length: 400, width: 300, height: 201 },
    ])
    expect(result).toEqual({
      ok: true,
      parcels: [
        { weight_g: 850, length_cm: 30.5, width_cm: 21, height_cm: 9.5 },
        { weight_g: 1250, length_cm: 40, width_cm: 30, height_cm: 20.1 },
      ],
    })
    expect(result.ok && totalWeight(result.parcels)).toBe(2100)
  })

  it("read a store that weighs in pounds and measures in inches", () => {
    expect(toShippingParcels([{ weight: 2, length: 12, width: 9, height: 4 }], { weight: "lb", length: "in" })).toEqual({
      ok: true,
      parcels: [{ weight_g: 907, length_cm: 30.48, width_cm: 22.86, height_cm: 10.16 }],
    })
  })

  it("take the pack step's own guess from the items", () => {
    const guess = parcelFromItems([{ quantity: 2, weight: 300, length: 200, width: 150, height: 40 }])
    expect(toShippingParcels([guess])).toEqual({ ok: true, parcels: [{ weight_g: 600, length_cm: 20, width_cm: 15, height_cm: 8 }] })
  })

  it("say what a packer must fix, parcel by parcel", () => {
    expect(toShippingParcels([])).toEqual({ ok: false, problems: ["The shipment has no parcels: pack at least one."] })
    expect(toShippingParcels([{ weight: 0, length: 10, width: 10, height: 10 }])).toEqual({
      ok: false,
      problems: ["The parcel has no weight: weight must be more than 0 (weigh the box, or give the products a weight)."],
    })
    expect(
      toShippingParcels([
        { weight: 500, length: 10, width: 10, height: 10 },
        { weight: 500, length: -1, width: Number.NaN, height: 10 },
      ])
    ).toEqual({ ok: false, problems: ["Parcel 2 has a negative or missing length, width: sizes must be 0 or more."] })
  })
})
