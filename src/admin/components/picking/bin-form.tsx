import { Button, Hint, Input, toast } from "@medusajs/ui"
import { useState } from "react"
import { useSaveBin } from "../../hooks/picking"
import { errorMessage } from "../../lib/format"

/**
 * Edits one item's bin at one location in place: the code and, optionally, a walk sequence set
 * by hand (empty = derived from the code). The server's message shows under the fields.
 */
export const BinForm = ({
  stockLocationId,
  inventoryItemId,
  code,
  walkSequence,
  label,
  onDone,
}: {
  stockLocationId: string
  inventoryItemId: string
  code: string
  /** The walk sequence only when it was set by hand; a derived one is shown as the placeholder. */
  walkSequence: number | null
  label: string
  onDone: () => void
}) => {
  const [form, setForm] = useState({ code, walk_sequence: walkSequence === null ? "" : String(walkSequence) })
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
  )
}
