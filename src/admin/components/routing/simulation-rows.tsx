import { Badge, Container, Heading, Label, Switch, Table, Text, Tooltip } from "@medusajs/ui"
import { useId, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { describeChange } from "../../../lib/routing/simulate"
import { useOrderNumbers } from "../../hooks/common"
import { formatCount } from "../../lib/format"
import { placementDisplay } from "../../lib/routing/placement"
import type { ReplaySide, SimulationRow } from "../../../types/routing"

const PAGE_SIZE = 20

const km = (value: number) => `${formatCount(Math.round(value))} km`

/** "3 → 2" when the tried rules differ, "3" when they agree. */
const Pair = ({ live, draft, testId }: { live: string; draft: string; testId?: string }) =>
  live === draft ? (
    <span className="text-ui-fg-subtle" data-testid={testId}>
      {live}
    </span>
  ) : (
    <span className="text-ui-fg-base whitespace-nowrap" data-testid={testId}>
      {live} <span className="text-ui-fg-muted">→</span> {draft}
    </span>
  )

const places = (side: ReplaySide, name: (id: string) => string) =>
  side.locations.length ? side.locations.map(name).join(", ") : "Nowhere"

/** One line per replayed order, live next to tried, changed ones first if asked; paged. */
export const SimulationRows = ({
  rows,
  locationName,
  locationNames,
}: {
  rows: SimulationRow[]
  locationName: (id: string) => string
  locationNames: Record<string, string>
}) => {
  const ids = useId()
  const [changedOnly, setChangedOnly] = useState(true)
  const [page, setPage] = useState(0)
  const shown = useMemo(() => (changedOnly ? rows.filter((row) => row.changed) : rows), [rows, changedOnly])
  const pageCount = Math.max(1, Math.ceil(shown.length / PAGE_SIZE))
  const current = Math.min(page, pageCount - 1)
  const pageRows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE)
  const numbers = useOrderNumbers(pageRows.map((row) => row.order_id))

  return (
    <Container className="divide-y p-0" data-testid="oms-simulation-rows">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Orders</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Where each order ships from today and with the tried rules.
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <Switch
            id={`${ids}-changed`}
            checked={changedOnly}
            onCheckedChange={(value) => {
              setChangedOnly(value)
              setPage(0)
            }}
            data-testid="oms-simulation-changed-only"
          />
          <Label htmlFor={`${ids}-changed`} size="small">
            Only orders that change
          </Label>
        </div>
      </div>
      {shown.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="oms-simulation-rows-empty">
          {changedOnly ? "No order would ship differently." : "No orders were replayed."}
        </Text>
      ) : (
        <>
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Order</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap">Ships from now</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap">With the tried rules</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap text-right">Shipments</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap text-right">Distance</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap text-right">Not placed</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap">Address placed</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap">What changes</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {pageRows.map((row) => {
                  const number = numbers.data?.[row.order_id]
                  const live = places(row.live, locationName)
                  const draft = places(row.draft, locationName)
                  // The sentence's first clause says where from; the numbers have their own columns.
                  const change = describeChange(row, locationNames).split("; ")[0] || "Same as now"
                  const placement = placementDisplay(row.placement)
                  return (
                    <Table.Row key={row.decision_id} data-testid="oms-simulation-row" data-changed={row.changed}>
                      <Table.Cell>
                        <Link
                          to={`/orders/${row.order_id}`}
                          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus whitespace-nowrap"
                        >
                          {number ? `#${number}` : row.order_id.slice(-8)}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>
                        <span className="block max-w-[160px] truncate" title={live}>
                          {live}
                        </span>
                      </Table.Cell>
                      <Table.Cell>
                        <span
                          className={`block max-w-[160px] truncate ${live === draft ? "text-ui-fg-subtle" : "text-ui-fg-base"}`}
                          title={draft}
                        >
                          {draft}
                        </span>
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums">
                        <Pair live={formatCount(row.live.shipments)} draft={formatCount(row.draft.shipments)} />
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums">
                        <Pair live={km(row.live.km)} draft={km(row.draft.km)} />
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums">
                        <Pair
                          live={formatCount(row.live.unallocated_units)}
                          draft={formatCount(row.draft.unallocated_units)}
                        />
                      </Table.Cell>
                      <Table.Cell data-testid="oms-simulation-row-placement" data-placement={row.placement?.by ?? ""}>
                        {placement ? (
                          <Tooltip content={placement.help} maxWidth={260}>
                            <Badge size="2xsmall" color={placement.color} className="whitespace-nowrap">
                              {placement.label}
                            </Badge>
                          </Tooltip>
                        ) : (
                          <span className="text-ui-fg-muted">Not kept</span>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <span
                          className={`block min-w-[200px] max-w-[300px] whitespace-normal ${row.changed ? "" : "text-ui-fg-muted"}`}
                          title={change}
                        >
                          {change}
                        </span>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          </div>
          <Table.Pagination
            count={shown.length}
            pageSize={PAGE_SIZE}
            pageIndex={current}
            pageCount={pageCount}
            canPreviousPage={current > 0}
            canNextPage={current < pageCount - 1}
            previousPage={() => setPage(current - 1)}
            nextPage={() => setPage(current + 1)}
            translations={{ of: "of", results: "orders", pages: "pages", prev: "Prev", next: "Next" }}
          />
        </>
      )}
    </Container>
  )
}
