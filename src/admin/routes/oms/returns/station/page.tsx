import { InspectionStation } from "../../../../components/returns/inspection-station"

/** The inspection station: scan the parcel in, scan and grade each item, submit (no sidebar entry of its own). */
const ReturnsStationPage = () => (
  <div data-testid="returns-station-page">
    <InspectionStation />
  </div>
)

export default ReturnsStationPage
