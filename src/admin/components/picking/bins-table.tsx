import { PencilSquare } from "@medusajs/icons"
import { Badge, Button, Container, Heading, IconButton, Input, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useBins } from "../../hooks/picking/bins"
import { formatCount } from "../../lib/format"
import type { Bin } from "../../../types/picking"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import { BinForm } from "./bin-form"
import { locationLabel } from "./display"
import { LocationFilter } from "./location-filter"
import { useDebounced } from "./use-debounced"

const PAGE_SIZE = 20

export const WalkSequence = ({ bin }: { bin: Pick<Bin, "walk_sequence" | "walk_sequence_source"> }) => (
  <div className="flex items-center gap-x-2">
    <span className="tabular-nums">{bin.walk_sequence === null ? "-" : formatCount(bin.walk_sequence)}</span>
    <Badge size="2xsmall" color={bin.walk_sequence_source === "manual" ? "purple" : "grey"}>
      {bin.walk_sequence_source === "manual" ? "Set by hand" : "From code"}
    </Badge>
  </div>
)

const BinRow = ({ bin, editing, onEdit }: { bin: Bin; editing: boolean; onEdit: (on: boolean) => void }) => {
  const place = locationLabel(bin)
  const label = `${bin.sku ?? bin.title ?? bin.inventory_item_id} at ${place}`
  return (
    <Table.Row data-testid={`picking-bin-row-${bin.sku ?? bin.inventory_item_id}`}>
      <Table.Cell>
        <span className="block max-w-[160px] truncate" title={place}>
          {place}
        </span>
      </Table.Cell>
      <Table.Cell className="py-2">
        <div className="flex flex-col">
          <Link
            to={`/inventory/${bin.inventory_item_id}`}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus whitespace-nowrap"
          >
            {bin.sku ?? "No SKU"}
          </Link>
          <Text size="xsmall" className="text-ui-fg-subtle max-w-[220px] truncate" title={bin.title ?? ""}>
            {bin.title ?? "-"}
          </Text>
        </div>
      </Table.Cell>
      {editing ? (
        <BinForm
          stockLocationId={bin.stock_location_id}
          inventoryItemId={bin.inventory_item_id}
          bin={bin}
          label={label}
          onDone={() => onEdit(false)}
        />
      ) : (
        <>
          <Table.Cell className="font-mono" data-testid="picking-bin-code-cell">
            {bin.code}
          </Table.Cell>
          <Table.Cell>
            <WalkSequence bin={bin} />
          </Table.Cell>
          <Table.Cell className="w-px">
            <IconButton
              size="small"
              variant="transparent"
              aria-label={`Edit the bin of ${label}`}
              onClick={() => onEdit(true)}
              data-testid="picking-bin-edit"
            >
              <PencilSquare />
            </IconButton>
          </Table.Cell>
        </>
      )}
    </Table.Row>
  )
}

/** Every item's bin per location, searchable, each editable in place. */
export const BinsTable = ({
  locationId,
  onLocationChange,
}: {
  locationId: string | undefined
  onLocationChange: (id: string | undefined) => void
}) => {
  const [search, setSearch] = useState("")
  const [page, setPage] = useState(0)
  const [editing, setEditing] = useState<string | null>(null)
  const q = useDebounced(search.trim(), 300)
  const { data, isPending, isError, error, refetch } = useBins({
    stock_location_id: locationId,
    q: q || undefined,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })
  const bins = data?.bins ?? []
  const count = data?.count ?? 0
  const from = count === 0 ? 0 : page * PAGE_SIZE + 1
  const to = Math.min(count, (page + 1) * PAGE_SIZE)

  return (
    <Container className="divide-y p-0" data-testid="picking-bins">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Bins</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Where each item sits in a location. Pick lists walk bins by walk sequence, derived from the code unless set
            by hand.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Input
            size="small"
            type="search"
            placeholder="Search SKU or bin"
            className="w-[180px]"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value)
              setPage(0)
            }}
            data-testid="picking-bins-search"
          />
          <LocationFilter
            value={locationId}
            onChange={(id) => {
              onLocationChange(id)
              setPage(0)
            }}
            testId="picking-bins-location"
          />
        </div>
      </div>
      {isPending ? (
        <SectionLoading />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : bins.length === 0 ? (
        <SectionEmpty>
          {q || locationId
            ? "No bins match."
            : "No bins yet. Import a CSV below, or set an item's bin on its inventory page."}
        </SectionEmpty>
      ) : (
        <>
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Location</Table.HeaderCell>
                  <Table.HeaderCell>Item</Table.HeaderCell>
                  <Table.HeaderCell>Bin</Table.HeaderCell>
                  <Table.HeaderCell>Walk sequence</Table.HeaderCell>
                  <Table.HeaderCell className="w-px">
                    <span className="sr-only">Actions</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {bins.map((bin) => (
                  <BinRow
                    key={bin.id}
                    bin={bin}
                    editing={editing === bin.id}
                    onEdit={(on) => setEditing(on ? bin.id : null)}
                  />
                ))}
              </Table.Body>
            </Table>
          </div>
          <div className="flex items-center justify-between px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle" data-testid="picking-bins-count">
              {formatCount(from)}–{formatCount(to)} of {formatCount(count)} bins
            </Text>
            <div className="flex gap-x-2">
              <Button size="small" variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button size="small" variant="secondary" disabled={to >= count} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </div>
          </div>
        </>
      )}
    </Container>
  )
}
