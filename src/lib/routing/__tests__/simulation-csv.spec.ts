import { readCsv } from "../../csv"
import { simulationRowsCsv } from "../simulation-csv"

const side = (locations: string[], shipments: number, km: number, unallocated_units = 0) => ({ locations, shipments, km, unallocated_units })

describe("simulationRowsCsv", () => {
  it("writes one line per replayed order under the header, locations separated by spaces", () => {
    const csv = simulationRowsCsv(
      [
        {
          order_id: "order_1",
          live: side(["sloc_a", "sloc_b"], 2, 812.4),
          draft: side(["sloc_b"], 1, 402),
          changed: true,
          placement: { by: "postal_code" as const },
        },
        { order_id: "order_gone", live: side([], 0, 0, 3), draft: side([], 0, 0, 3), changed: false },
      ],
      (id) => (id === "order_1" ? 1001 : undefined)
    )
    expect(csv).toBe(
      [
        "order_id,display_id,live_locations,draft_locations,live_shipments,draft_shipments,live_km,draft_km,live_unallocated,draft_unallocated,changed,placed_by",
        "order_1,1001,sloc_a sloc_b,sloc_b,2,1,812.4,402,0,0,true,postal_code",
        // A row replayed before placements were kept has an empty placed_by.
        "order_gone,,,,0,0,0,0,3,3,false,",
        "",
      ].join("\n")
    )
  })

  it("quotes a value holding a comma or a quote, so every line keeps twelve columns", () => {
    const csv = simulationRowsCsv([{ order_id: 'order_"x",1', live: side(["a,b"], 1, 1), draft: side(["c"], 1, 1), changed: false }], () => 7)
    const { records, errors } = readCsv(csv)
    expect(errors).toEqual([])
    expect(records.map((r) => r.fields.length)).toEqual([12, 12])
    expect(records[1].fields.slice(0, 3)).toEqual(['order_"x",1', "7", "a,b"])
  })
})
