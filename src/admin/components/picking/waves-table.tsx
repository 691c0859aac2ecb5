import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useWaves } from "../../hooks/picking/waves"
import { type WaveListFilters } from "../../hooks/picking/query-keys"
import { formatCount, formatDateTime } from "../../lib/format"
import type { WaveStatus, WaveSummary } from "../../../types/picking"
import { OptionSelect } from "../common/option-select"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import { WAVE_STATUSES, locationLabel, shortWaveId, waveStatusDisplay } from "./display"
import { LocationFilter } from "./location-filter"
import { ProgressBar } from "./progress-bar"

const ALL = "__all__"

const WaveRow = ({ wave }: { wave: WaveSummary }) => {
  const navigate = useNavigate()
  const status = waveStatusDisplay(wave.status)
  const to = `/oms/picking/${wave.id}`
  return (
    <Table.Row
      className="cursor-pointer"
      onClick={() => navigate(to)}
      data-testid={`picking-wave-row-${wave.id}`}
      data-status={wave.status}
    >
      <Table.Cell className="py-2">
        <div className="flex flex-col">
          <Link
            to={to}
            onClick={(event) => event.stopPropagation()}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus whitespace-nowrap"
            title={wave.id}
          >
            Wave {shortWaveId(wave.id)}
          </Link>
          <Text size="xsmall" className="text-ui-fg-subtle max-w-[180px] truncate" title={locationLabel(wave)}>
            {locationLabel(wave)}
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        <StatusBadge color={status.color} data-testid="picking-wave-status">
          {status.label}
        </StatusBadge>
      </Table.Cell>
      <Table.Cell className="text-right tabular-nums">{formatCount(wave.orders)}</Table.Cell>
      <Table.Cell className="text-right tabular-nums">{formatCount(wave.lines)}</Table.Cell>
      <Table.Cell className="py-2">
        <div className="flex min-w-[140px] flex-col gap-y-1">
          <ProgressBar done={wave.units_picked} short={wave.units_short} total={wave.units_total} />
          <Text size="xsmall" className="text-ui-fg-subtle tabular-nums" data-testid="picking-wave-progress">
            {formatCount(wave.units_picked)} / {formatCount(wave.units_total)} units
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell className={wave.units_short > 0 ? "text-ui-fg-error text-right tabular-nums" : "text-right tabular-nums"}>
        {formatCount(wave.units_short)}
      </Table.Cell>
      <Table.Cell className="text-right tabular-nums whitespace-nowrap">
        {formatCount(wave.packed_orders)} / {formatCount(wave.orders)}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{formatDateTime(wave.created_at)}</Table.Cell>
    </Table.Row>
  )
}

/** Every wave with its status and progress, filtered by status and location. */
export const WavesTable = ({ onCreate }: { onCreate: () => void }) => {
  const [filters, setFilters] = useState<WaveListFilters>({})
  const { data, isPending, isError, error, refetch } = useWaves(filters)
  const waves = data?.waves ?? []
  const filtered = Boolean(filters.status || filters.stock_location_id)

  const statusOptions = [
    { value: ALL, label: "All statuses" },
    ...WAVE_STATUSES.map((status) => ({ value: status, label: waveStatusDisplay(status).label })),
  ]

  return (
    <Container className="divide-y p-0" data-testid="picking-waves">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Waves</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Batches of routed orders picked in one walk through a location, newest first.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <div className="w-[150px]">
            <OptionSelect
              value={filters.status ?? ALL}
              options={statusOptions}
              onChange={(value) =>
                setFilters((current) => ({ ...current, status: value === ALL ? undefined : (value as WaveStatus) }))
              }
              testId="picking-filter-status"
            />
          </div>
          <LocationFilter
            value={filters.stock_location_id}
            onChange={(id) => setFilters((current) => ({ ...current, stock_location_id: id }))}
            testId="picking-filter-location"
          />
          <Button size="small" variant="secondary" onClick={onCreate} data-testid="picking-create-wave">
            <Plus />
            Create wave
          </Button>
        </div>
      </div>
      {isPending ? (
        <SectionLoading />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : waves.length === 0 ? (
        <SectionEmpty>
          {filtered
            ? "No waves match these filters."
            : "No waves yet. Create one to pick a location's routed orders in one walk."}
        </SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Wave</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Lines</Table.HeaderCell>
                <Table.HeaderCell>Picked</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Short</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Packed</Table.HeaderCell>
                <Table.HeaderCell>Created</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {waves.map((wave) => (
                <WaveRow key={wave.id} wave={wave} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
