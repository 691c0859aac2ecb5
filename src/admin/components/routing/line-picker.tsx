import { Checkbox, Input, Label, Text } from "@medusajs/ui"
import { useId } from "react"
import { formatCount } from "../../lib/format"
import type { ReservedLine } from "../../../types/foundation"

/** Picked lines: line item id -> quantity as typed (a string, so the field can be cleared). */
export type PickedLines = Record<string, string>

/** Picked lines as the API wants them; quantities go as typed numbers and the server checks them. */
export const toItems = (picked: PickedLines) =>
  Object.entries(picked).map(([line_item_id, quantity]) => ({
    line_item_id,
    quantity: quantity.trim() === "" ? (null as unknown as number) : Number(quantity),
  }))

/**
 * The lines reserved at one location, each with a checkbox and a quantity (all reserved units
 * by default). `testId` prefixes the per-line test ids.
 */
export const LinePicker = ({
  lines,
  picked,
  onChange,
  testId,
}: {
  lines: ReservedLine[]
  picked: PickedLines
  onChange: (picked: PickedLines) => void
  testId: string
}) => {
  const ids = useId()
  if (lines.length === 0) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No lines of this order are reserved here.
      </Text>
    )
  }
  return (
    <ul className="flex flex-col divide-y rounded-lg border" data-testid={testId}>
      {lines.map((line) => {
        const id = `${ids}-${line.line_item_id}`
        const checked = line.line_item_id in picked
        const toggle = (on: boolean) => {
          const next = { ...picked }
          if (on) next[line.line_item_id] = String(line.quantity)
          else delete next[line.line_item_id]
          onChange(next)
        }
        return (
          <li key={line.line_item_id} className="flex items-center gap-x-3 px-3 py-2" data-testid={`${testId}-${line.line_item_id}`}>
            <Checkbox id={id} checked={checked} onCheckedChange={(value) => toggle(value === true)} />
            <Label htmlFor={id} className="flex min-w-0 flex-1 flex-col">
              <span className="txt-compact-small text-ui-fg-base truncate" title={line.title}>
                {line.title}
              </span>
              <span className="txt-compact-xsmall text-ui-fg-subtle truncate">
                {line.sku ?? "No SKU"} · {formatCount(line.quantity)} reserved
              </span>
            </Label>
            <Input
              type="number"
              size="small"
              min={1}
              max={line.quantity}
              step={1}
              className="w-20 shrink-0"
              aria-label={`Units of ${line.title}`}
              disabled={!checked}
              value={checked ? picked[line.line_item_id] : ""}
              onChange={(event) => onChange({ ...picked, [line.line_item_id]: event.target.value })}
              data-testid="oms-line-quantity"
            />
          </li>
        )
      })}
    </ul>
  )
}
