import { Badge, Button, Text, clx } from "@medusajs/ui"
import type { StationUnit, WrongItem } from "../../../lib/returns/station"
import type { AdminOmsLocation as OmsLocation } from "../../../types/routing"
import type { Disposition, Grade, ReturnCaseView } from "../../../types/returns"
import { OptionSelect } from "../common/option-select"
import { DISPOSITION_CHOICES, GRADE_CHOICES, reasonText } from "./display"

type Props = {
  returnCase: ReturnCaseView
  units: StationUnit[]
  wrongItems: WrongItem[]
  selected: string | null
  locations: OmsLocation[]
  onSelect: (key: string) => void
  onGrade: (key: string, grade: Grade) => void
  onChange: (key: string, change: Partial<StationUnit>) => void
  onRemoveWrongItem: (key: string) => void
}

/** One scanned unit: its grade (buttons, or the letter on the keyboard), disposition and restock location. */
const UnitRow = ({
  unit,
  index,
  selected,
  locations,
  onSelect,
  onGrade,
  onChange,
}: { unit: StationUnit; index: number; selected: boolean } & Pick<Props, "locations" | "onSelect" | "onGrade" | "onChange">) => (
  <li
    className={clx(
      "flex flex-col gap-3 rounded-lg border-2 px-4 py-3",
      selected ? "border-ui-fg-interactive bg-ui-bg-highlight" : "border-ui-border-strong",
      unit.grade === null && !selected && "border-dashed"
    )}
    onClick={() => onSelect(unit.key)}
    data-testid="returns-unit"
    data-grade={unit.grade ?? ""}
    data-selected={String(selected)}
  >
    <div className="flex flex-wrap items-center justify-between gap-3">
      <Text size="large" weight="plus" className="text-ui-fg-base">
        Unit {index + 1} <span className="font-mono text-ui-fg-subtle">{unit.scanned_code}</span>
      </Text>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Grade">
        {GRADE_CHOICES.map((g) => (
          <Button
            key={g.grade}
            size="base"
            type="button"
            variant={unit.grade === g.grade ? (g.grade === "damaged" || g.grade === "wrong_item" ? "danger" : "primary") : "secondary"}
            onClick={(event) => {
              event.stopPropagation()
              onGrade(unit.key, g.grade)
            }}
            aria-pressed={unit.grade === g.grade}
            data-testid={`returns-grade-${g.grade}`}
          >
            <span className="font-mono underline">{g.key}</span> {g.label}
          </Button>
        ))}
      </div>
    </div>
    {unit.grade !== null && (
      <div className="flex flex-wrap items-center gap-3" onClick={(event) => event.stopPropagation()}>
        <Text size="base" className="text-ui-fg-subtle">
          Then
        </Text>
        <div className="min-w-[200px]">
          <OptionSelect
            value={unit.disposition}
            options={DISPOSITION_CHOICES}
            onChange={(value) => onChange(unit.key, { disposition: value as Disposition })}
            testId="returns-unit-disposition"
          />
        </div>
        {unit.disposition === "restock" && (
          <>
            <Text size="base" className="text-ui-fg-subtle">
              at
            </Text>
            <div className="min-w-[220px]">
              <OptionSelect
                value={unit.location_id ?? ""}
                placeholder="Choose a location"
                options={locations.map((l) => ({ value: l.id, label: l.name }))}
                onChange={(value) => onChange(unit.key, { location_id: value })}
                testId="returns-unit-location"
              />
            </div>
          </>
        )}
      </div>
    )}
  </li>
)

/** The return's lines with the units scanned so far, and the wrong items recorded. */
export const StationUnits = ({ returnCase, units, wrongItems, selected, locations, onSelect, onGrade, onChange, onRemoveWrongItem }: Props) => {
  const locationName = (id: string | null) => (id ? locations.find((l) => l.id === id)?.name ?? id : "no destination")
  return (
    <div className="flex flex-col gap-y-4">
      {returnCase.lines.map((line) => {
        const scanned = units.filter((u) => u.return_line_id === line.id)
        return (
          <section key={line.id} className="flex flex-col gap-y-2" data-testid="returns-station-line" data-sku={line.sku ?? ""}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-ui-border-strong pb-2">
              <div className="flex flex-col">
                <Text size="xlarge" weight="plus" className="text-ui-fg-base">
                  {line.title} <span className="font-mono text-ui-fg-subtle">{line.sku}</span>
                </Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {reasonText(line.reason_value)}
                  {line.note ? ` · “${line.note}”` : ""} · returns to {locationName(line.destination_location_id)}
                  {line.destination_sentence ? ` (${line.destination_sentence})` : ""}
                </Text>
              </div>
              {line.keep_it ? (
                <Badge color="purple">Keep it: not in the parcel</Badge>
              ) : (
                <Text size="xlarge" weight="plus" className="tabular-nums text-ui-fg-base" data-testid="returns-line-count">
                  {scanned.length} / {line.quantity}
                </Text>
              )}
            </div>
            {scanned.length > 0 && (
              <ul className="flex flex-col gap-y-2">
                {scanned.map((unit, index) => (
                  <UnitRow
                    key={unit.key}
                    unit={unit}
                    index={index}
                    selected={unit.key === selected}
                    locations={locations}
                    onSelect={onSelect}
                    onGrade={onGrade}
                    onChange={onChange}
                  />
                ))}
              </ul>
            )}
          </section>
        )
      })}
      {wrongItems.length > 0 && (
        <section className="flex flex-col gap-y-2" data-testid="returns-wrong-items">
          <Text size="xlarge" weight="plus" className="text-ui-fg-error border-b border-ui-border-strong pb-2">
            Wrong items
          </Text>
          <ul className="flex flex-col gap-y-2">
            {wrongItems.map((item) => (
              <li key={item.key} className="flex items-center justify-between rounded-lg border-2 border-ui-border-error px-4 py-3" data-testid="returns-wrong-item">
                <Text size="large" className="font-mono text-ui-fg-base">
                  {item.code}
                </Text>
                <Button size="small" variant="secondary" onClick={() => onRemoveWrongItem(item.key)}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
