import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ReturnStats } from "../../../components/returns/return-stats"
import { ReturnsQueue } from "../../../components/returns/returns-queue"

/** Returns: the queue by status with its age, the numbers, and the way to the station and the policies. */
const ReturnsPage = () => (
  <div className="flex flex-col gap-y-3" data-testid="returns-page">
    <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Heading level="h1">Returns</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Return requests from the parcel on its way to the refund, store credit or exchange, and how often and why
          things come back.
        </Text>
      </div>
      <div className="flex items-center gap-x-2">
        <Button size="small" variant="secondary" asChild>
          <Link to="/oms/returns/policies" data-testid="returns-policies-link">
            Policies
          </Link>
        </Button>
        <Button size="small" asChild>
          <Link to="/oms/returns/station" data-testid="returns-station-link">
            Inspection station
          </Link>
        </Button>
      </div>
    </Container>
    <ReturnsQueue />
    <ReturnStats />
  </div>
)

// A sub-route of Order management with a label: the sidebar shows it nested under that entry.
export const config = defineRouteConfig({
  label: "Returns",
})

export default ReturnsPage
