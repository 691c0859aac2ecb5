import { Badge, Container, Heading, Table, Text, Tooltip } from "@medusajs/ui"
import { formatCount, formatUnits } from "../../lib/format"
import type { PickStop, WaveDetail } from "../../../types/picking"
import { orderNumber, plural, toteLabel } from "./display"
import { SkuWithBarcode, TitleWithVariant } from "./item-text"

/** Where a stop stands in the walk: done, the one the picker is at, or still ahead. */
const stopState = (wave: WaveDetail, stop: PickStop): "done" | "current" | "ahead" => {
  if (wave.status === "picked" || wave.status === "packed") return "done"
  const current = wave.scan.current_stop
  if (wave.status !== "picking" || !current) return "ahead"
  if (stop.index < current.index) return "done"
  return stop.index === current.index ? "current" : "ahead"
}

/** "T1 ×2", one badge per tote, the order number on hover. */
const Breakdown = ({ stop }: { stop: PickStop }) => (
  <div className="flex flex-wrap gap-1">
    {stop.breakdown.map((part) => (
      <Tooltip key={part.line_item_id} content={`Order ${orderNumber(part.display_id, part.order_id)}`}>
        <Badge size="2xsmall" className="tabular-nums">
          {toteLabel(part.tote)} ×{formatCount(part.quantity)}
        </Badge>
      </Tooltip>
    ))}
  </div>
)

/** The pick list in walk order: one row per bin and item, with how many go into which tote. */
export const PickListTable = ({ wave }: { wave: WaveDetail }) => {
  const { stops } = wave.pick_list
  return (
    <Container className="divide-y p-0" data-testid="picking-pick-list">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Pick list</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {plural(stops.length, "stop", "stops")} in walk order, {formatUnits(wave.pick_list.units)}. Items
          without a bin come last.
        </Text>
      </div>
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-px text-right">#</Table.HeaderCell>
              <Table.HeaderCell>Bin</Table.HeaderCell>
              <Table.HeaderCell>SKU</Table.HeaderCell>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
              <Table.HeaderCell>Totes</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {stops.map((stop) => {
              const state = stopState(wave, stop)
              return (
                <Table.Row
                  key={stop.index}
                  data-testid="picking-stop"
                  data-state={state}
                  className={state === "current" ? "bg-ui-bg-highlight hover:bg-ui-bg-highlight-hover" : undefined}
                >
                  <Table.Cell className="text-ui-fg-muted text-right tabular-nums">{stop.index + 1}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    <div className="flex items-center gap-x-2">
                      <span className={stop.bin_code ? "text-ui-fg-base font-mono" : "text-ui-fg-muted"} data-testid="picking-stop-bin">
                        {stop.bin_code ?? "No bin"}
                      </span>
                      {state === "done" && (
                        <Badge size="2xsmall" color="green">
                          Done
                        </Badge>
                      )}
                      {state === "current" && (
                        <Badge size="2xsmall" color="blue">
                          Next
                        </Badge>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <SkuWithBarcode sku={stop.sku} barcode={stop.barcode} testId="picking-stop-sku" />
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <TitleWithVariant title={stop.product_title} variantTitle={stop.variant_title} className="max-w-[260px]" />
                  </Table.Cell>
                  <Table.Cell className="text-ui-fg-base text-right tabular-nums" data-testid="picking-stop-qty">
                    {formatCount(stop.quantity)}
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <Breakdown stop={stop} />
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
    </Container>
  )
}
