import { useOmsLocations } from "../../hooks/routing/locations"
import { OptionSelect } from "../common/option-select"

const ALL = "__all__"

/** A list header's location filter: "All locations" (undefined) or one stock location. */
export const LocationFilter = ({
  value,
  onChange,
  testId,
}: {
  value: string | undefined
  onChange: (id: string | undefined) => void
  testId: string
}) => {
  const locations = useOmsLocations()
  const options = [
    { value: ALL, label: "All locations" },
    ...(locations.data?.locations ?? []).map((location) => ({ value: location.id, label: location.name })),
  ]
  return (
    <div className="w-[190px]">
      <OptionSelect
        value={value ?? ALL}
        options={options}
        onChange={(next) => onChange(next === ALL ? undefined : next)}
        testId={testId}
      />
    </div>
  )
}
