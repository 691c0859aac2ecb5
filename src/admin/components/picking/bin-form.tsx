import { Button, Hint, Input, toast } from "@medusajs/ui"
import { useState } from "react"
import { useSaveBin } from "../../hooks/picking/bins"
import { errorMessage } from "../../lib/format"
import type { Bin } from "../../../types/picking"

/**
 * Edits one item's bin at one location in place of the row's Bin, Walk sequence and Edit cells:
 * the code and, optionally, a walk sequence set by hand (empty = derived from the code). The
 * server's message shows under the fields.
 */
export const BinForm = ({
  stockLocationId,
  inventoryItemId,
  bin,
  label,
  onDone,
}: {
  stockLocationId: string
  inventoryItemId: string
  /** The bin as saved, or null when the item has none at this location yet. */
  bin: Pick<Bin, "code" | "walk_sequence" | "walk_sequence_source"> | null
  label: string
  onDone: () => void
}) => {
  // Only a walk sequence set by hand fills the field; a derived one leaves it empty ("From code").
  const [form, setForm] = useState(() => ({
    code: bin?.code ?? "",
    walk_sequence: bin?.walk_sequence_source === "manual" && bin.walk_sequence !== null ? String(bin.walk_sequence) : "",
  }))
  const [error, setError] = useState<string | null>(null)
  const save = useSaveBin()

  const onSave = async () => {
    setError(null)
    try {
      const { bin } = await save.mutateAsync({
        stock_location_id: stockLocationId,
        inventory_item_id: inventoryItemId,
        code: form.code.trim(),
        walk_sequence: form.walk_sequence.trim() === "" ? null : Number(form.walk_sequence),
      })
      toast.success(`Bin ${bin.code} saved`, { description: label })
      onDone()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault()
      void onSave()
    } else if (event.key === "Escape") {
      event.preventDefault()
      onDone()
    }
  }

  return (
    // Table.Cell has no colSpan in its types: the same cell, written out.
    <td colSpan={3} className="h-12 py-2 pl-0 pr-6">
      <div className="flex flex-col gap-y-1" data-testid="picking-bin-form">
        <div className="flex items-center gap-x-2">
          <Input
            size="small"
            className="w-[130px] font-mono"
            placeholder="A-03-2-B"
            aria-label={`Bin code, ${label}`}
            value={form.code}
            autoFocus
            onKeyDown={onKeyDown}
            onChange={(event) => setForm((current) => ({ ...current, code: event.target.value }))}
            data-testid="picking-bin-code"
          />
          <Input
            size="small"
            type="number"
            step={1}
            className="w-[110px]"
            placeholder="From code"
            aria-label={`Walk sequence, ${label}`}
            value={form.walk_sequence}
            onKeyDown={onKeyDown}
            onChange={(event) => setForm((current) => ({ ...current, walk_sequence: event.target.value }))}
            data-testid="picking-bin-walk"
          />
          <Button size="small" onClick={onSave} isLoading={save.isPending} data-testid="picking-bin-save">
            Save
          </Button>
          <Button size="small" variant="transparent" onClick={onDone} disabled={save.isPending}>
            Cancel
          </Button>
        </div>
        {error && (
          <Hint variant="error" data-testid="picking-bin-error">
            {error}
          </Hint>
        )}
      </div>
    </td>
  )
}
