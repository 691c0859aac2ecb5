import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { BinsImport } from "../../../../components/picking/bins-import"
import { BinsTable } from "../../../../components/picking/bins-table"
import { useOmsLocations } from "../../../../hooks/routing/locations"

/** Bins: where items sit in each location, edited in place or in bulk through CSV. */
const BinsPage = () => {
  const [locationId, setLocationId] = useState<string | undefined>(undefined)
  const locations = useOmsLocations()
  const locationName = locations.data?.locations.find((location) => location.id === locationId)?.name

  return (
    <div className="flex flex-col gap-y-3" data-testid="picking-bins-page">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          <Link to="/oms/picking" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            Picking
          </Link>{" "}
          / Bins
        </Text>
        <Heading level="h1">Bins</Heading>
      </Container>
      <BinsTable locationId={locationId} onLocationChange={setLocationId} />
      <BinsImport locationId={locationId} locationName={locationName} />
    </div>
  )
}

export default BinsPage
