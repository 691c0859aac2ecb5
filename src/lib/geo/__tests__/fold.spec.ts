import { foldPlaceName } from "../fold"

describe("foldPlaceName", () => {
  it("meets the spellings people type for the same place", () => {
    expect(foldPlaceName("'s-Gravenhage")).toBe(foldPlaceName("S GRAVENHAGE"))
    expect(foldPlaceName("Frankfurt (Oder)")).toBe("frankfurt oder")
    expect(foldPlaceName("Kraków")).toBe("krakow")
    expect(foldPlaceName("Łódź")).toBe("lodz")
    expect(foldPlaceName("Gießen")).toBe("giessen")
    expect(foldPlaceName("Tromsø")).toBe("tromso")
    expect(foldPlaceName("Αθήνα")).toBe("αθηνα")
    expect(foldPlaceName("  Saint-Étienne  ")).toBe("saint etienne")
  })
})
