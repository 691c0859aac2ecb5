import { Container, Heading, Table, Text } from "@medusajs/ui"
import type { UseQueryResult } from "@tanstack/react-query"
import { formatCount } from "../../lib/format"
import type { AdminOmsOverviewResponse as OmsOverview } from "../../../types/foundation"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"

const numeric = "text-right tabular-nums"

/** Units stocked, reserved and available per stock location. */
export const StockTable = ({ query }: { query: UseQueryResult<OmsOverview> }) => {
  const { data, isPending, isError, error, refetch } = query
  const rows = data?.stock_by_location ?? []

  return (
    <Container className="divide-y p-0" data-testid="oms-stock">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Stock by location</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Units on hand, reserved for orders, and available to sell at each stock location.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : rows.length === 0 ? (
        <SectionEmpty>No stock locations yet.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Location</Table.HeaderCell>
                <Table.HeaderCell className={numeric}>Items</Table.HeaderCell>
                <Table.HeaderCell className={numeric}>Stocked</Table.HeaderCell>
                <Table.HeaderCell className={numeric}>Reserved</Table.HeaderCell>
                <Table.HeaderCell className={numeric}>Available</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.location_id} data-testid={`oms-stock-row-${row.name}`}>
                  <Table.Cell>{row.name}</Table.Cell>
                  <Table.Cell className={numeric}>{formatCount(row.items)}</Table.Cell>
                  <Table.Cell className={numeric}>{formatCount(row.stocked)}</Table.Cell>
                  <Table.Cell className={numeric}>{formatCount(row.reserved)}</Table.Cell>
                  <Table.Cell className={numeric}>{formatCount(row.available)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
