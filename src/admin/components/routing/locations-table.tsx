import { PencilSquare } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import type { UseQueryResult } from "@tanstack/react-query"
import { formatCapacity, formatCoordinates, formatCount, formatMarkets, formatPlace } from "../../lib/format"
import type { AdminOmsLocation as OmsLocation, AdminOmsLocationsResponse as OmsLocationsResponse } from "../../../types/routing"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"

const numeric = "text-right tabular-nums"

/** Stock locations with their routing profile, each editable. */
export const LocationsTable = ({
  query,
  onEdit,
}: {
  query: UseQueryResult<OmsLocationsResponse>
  onEdit: (location: OmsLocation) => void
}) => {
  const { data, isPending, isError, error, refetch } = query
  const locations = data?.locations ?? []

  return (
    <Container className="divide-y p-0" data-testid="oms-locations">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Locations</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          How routing treats each stock location: inactive locations are skipped, markets limit
          where a location ships to, and priority ranks locations when other rules tie.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : locations.length === 0 ? (
        <SectionEmpty>No stock locations yet. Create one under Settings, Locations &amp; Shipping.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Location</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className={numeric}>Priority</Table.HeaderCell>
                <Table.HeaderCell>Markets</Table.HeaderCell>
                <Table.HeaderCell className={numeric}>Daily capacity</Table.HeaderCell>
                <Table.HeaderCell className={numeric}>Safety stock</Table.HeaderCell>
                <Table.HeaderCell>Coordinates</Table.HeaderCell>
                <Table.HeaderCell className="w-px">
                  <span className="sr-only">Actions</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {locations.map((location) => {
                const { profile } = location
                const markets = formatMarkets(profile.markets)
                return (
                  <Table.Row key={location.id} data-testid={`oms-location-row-${location.name}`}>
                    <Table.Cell className="py-2">
                      <div className="flex flex-col">
                        <Text size="small" weight="plus" className="text-ui-fg-base">
                          {location.name}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {formatPlace(location.address)}
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={profile.active ? "green" : "grey"}>
                        {profile.active ? "Active" : "Inactive"}
                      </StatusBadge>
                    </Table.Cell>
                    <Table.Cell className={numeric}>{profile.priority}</Table.Cell>
                    <Table.Cell>
                      <span className="block max-w-[180px] truncate" title={markets}>
                        {markets}
                      </span>
                    </Table.Cell>
                    <Table.Cell className={numeric} data-testid={`oms-location-capacity-${location.name}`}>
                      <div className="flex flex-col items-end">
                        <span>{formatCapacity(profile.daily_capacity)}</span>
                        <Text size="xsmall" className={usageTone(location.capacity_used_today, profile.daily_capacity)}>
                          {formatCount(location.capacity_used_today)} today
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell className={numeric}>{formatCount(profile.safety_stock)}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap tabular-nums" data-testid={`oms-location-point-${location.name}`}>
                      {profile.latitude !== null && profile.longitude !== null ? (
                        <div className="flex flex-col">
                          <span>{formatCoordinates(profile)}</span>
                          <Text size="xsmall" className="text-ui-fg-subtle">Set by hand</Text>
                        </div>
                      ) : location.geocoded ? (
                        <div className="flex flex-col">
                          <span>{formatCoordinates(location.geocoded)}</span>
                          <Text size="xsmall" className="text-ui-fg-subtle">
                            From the address ({PRECISION[location.geocoded.precision]})
                          </Text>
                        </div>
                      ) : (
                        <Text size="small" className="text-ui-fg-error">Not placed: set coordinates</Text>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <Button
                        size="small"
                        variant="secondary"
                        onClick={() => onEdit(location)}
                        data-testid={`oms-location-edit-${location.name}`}
                      >
                        <PencilSquare />
                        Edit
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

/** How precisely the address placed the location, in the words a person uses. */
const PRECISION: Record<NonNullable<OmsLocation["geocoded"]>["precision"], string> = {
  postal_code: "postal code",
  city: "city",
  province: "province",
  country: "country only",
}

/** Today's usage in red when it reached the daily capacity. */
const usageTone = (used: number, capacity: number | null) =>
  capacity !== null && used >= capacity ? "text-ui-fg-error" : "text-ui-fg-subtle"
