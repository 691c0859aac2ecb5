import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminInventoryItem, DetailWidgetProps } from "@medusajs/framework/types"
import { PencilSquare } from "@medusajs/icons"
import { Container, Heading, IconButton, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { SectionEmpty, SectionError, SectionLoading } from "../components/common/section-state"
import { BinForm } from "../components/picking/bin-form"
import { WalkSequence } from "../components/picking/bins-table"
import { useOmsLocations } from "../hooks/routing/locations"
import { useBins } from "../hooks/picking/bins"
import type { Bin } from "../../types/picking"

type Row = { locationId: string; name: string; bin: Bin | null }

/**
 * The item's bin in every location that stocks it (or has a bin for it), edited in place. A bin
 * is where pickers find the item; its walk sequence orders the pick list.
 */
const InventoryItemBinsWidget = ({ data: item }: DetailWidgetProps<AdminInventoryItem>) => {
  const bins = useBins({ inventory_item_id: item.id, limit: 100 })
  const locations = useOmsLocations()
  const [editing, setEditing] = useState<string | null>(null)

  const isPending = bins.isPending || locations.isPending
  const failed = bins.isError ? bins : locations.isError ? locations : null

  const stocked = new Set((item.location_levels ?? []).map((level) => level.location_id))
  const binAt = new Map((bins.data?.bins ?? []).map((bin) => [bin.stock_location_id, bin]))
  const rows: Row[] = (locations.data?.locations ?? [])
    .filter((location) => stocked.has(location.id) || binAt.has(location.id))
    .map((location) => ({ locationId: location.id, name: location.name, bin: binAt.get(location.id) ?? null }))
  const label = item.sku ?? item.title ?? item.id

  return (
    <Container className="divide-y p-0" data-testid="picking-item-bins">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Bins</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Where pickers find this item in each location.
          </Text>
        </div>
        <Link to="/oms/picking/bins" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus">
          All bins
        </Link>
      </div>
      {isPending ? (
        <SectionLoading rows={2} />
      ) : failed ? (
        <SectionError error={failed.error} onRetry={() => failed.refetch()} />
      ) : rows.length === 0 ? (
        <SectionEmpty>This item is not stocked at any location yet.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Location</Table.HeaderCell>
                <Table.HeaderCell>Bin</Table.HeaderCell>
                <Table.HeaderCell>Walk sequence</Table.HeaderCell>
                <Table.HeaderCell className="w-px">
                  <span className="sr-only">Actions</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.locationId} data-testid={`picking-item-bin-${row.name}`}>
                  <Table.Cell>
                    <span className="block max-w-[200px] truncate" title={row.name}>
                      {row.name}
                    </span>
                  </Table.Cell>
                  {editing === row.locationId ? (
                    <BinForm
                      stockLocationId={row.locationId}
                      inventoryItemId={item.id}
                      bin={row.bin}
                      label={`${label} at ${row.name}`}
                      onDone={() => setEditing(null)}
                    />
                  ) : (
                    <>
                      <Table.Cell className={row.bin ? "text-ui-fg-base font-mono" : "text-ui-fg-muted"} data-testid="picking-item-bin-code">
                        {row.bin?.code ?? "No bin"}
                      </Table.Cell>
                      <Table.Cell>{row.bin ? <WalkSequence bin={row.bin} /> : "-"}</Table.Cell>
                      <Table.Cell>
                        <IconButton
                          size="small"
                          variant="transparent"
                          aria-label={`Edit the bin at ${row.name}`}
                          onClick={() => setEditing(row.locationId)}
                          data-testid="picking-item-bin-edit"
                        >
                          <PencilSquare />
                        </IconButton>
                      </Table.Cell>
                    </>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "medusa-oms:inventory-item-bins",
  zone: "inventory_item.details.after",
})

export default InventoryItemBinsWidget
