import { Button, Drawer, Hint, Input, Textarea } from "@medusajs/ui"
import { useId, useState } from "react"
import type { PickStop } from "../../../types/picking"
import { OptionSelect } from "../common/option-select"
import { Field } from "../common/field"

const REASONS = [
  { value: "Bin empty", label: "Bin empty" },
  { value: "Not enough in bin", label: "Not enough in bin" },
  { value: "Damaged", label: "Damaged" },
  { value: "Wrong item in bin", label: "Wrong item in bin" },
  { value: "other", label: "Other…" },
]

const ShortForm = ({
  stop,
  counted,
  error,
  busy,
  onSubmit,
}: {
  stop: PickStop
  counted: number
  error: string | null
  busy: boolean
  onSubmit: (found: number, reason: string) => void
}) => {
  const ids = useId()
  const [found, setFound] = useState(String(Math.min(counted, stop.quantity - 1)))
  const [reason, setReason] = useState(REASONS[0].value)
  const [other, setOther] = useState("")

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    // As typed: the server checks the number and the reason and says what is wrong.
    onSubmit(found.trim() === "" ? Number.NaN : Number(found), reason === "other" ? other.trim() : reason)
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" data-testid="picking-short-form" noValidate>
      <Drawer.Header>
        <Drawer.Title>Short pick</Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          {stop.bin_code ? `Bin ${stop.bin_code}` : "No bin"} · {stop.sku ?? stop.product_title} · needs {stop.quantity}.
          The missing units go back to routing, which looks for them at another location.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Field id={`${ids}-found`} label="Units found" hint={`From 0 to ${stop.quantity - 1}.`}>
          <Input
            id={`${ids}-found`}
            type="number"
            min={0}
            max={stop.quantity - 1}
            step={1}
            size="small"
            value={found}
            autoFocus
            onChange={(event) => setFound(event.target.value)}
            data-testid="picking-short-found"
          />
        </Field>
        <Field id={`${ids}-reason`} label="Reason">
          <OptionSelect value={reason} options={REASONS} onChange={setReason} testId="picking-short-reason" />
        </Field>
        {reason === "other" && (
          <Field id={`${ids}-other`} label="What happened">
            <Textarea
              id={`${ids}-other`}
              rows={3}
              value={other}
              onChange={(event) => setOther(event.target.value)}
              data-testid="picking-short-other"
            />
          </Field>
        )}
        {error && (
          <Hint variant="error" data-testid="picking-short-error">
            {error}
          </Hint>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" disabled={busy}>
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" variant="danger" type="submit" isLoading={busy} data-testid="picking-short-submit">
          Record short pick
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** Records that a stop's bin held fewer units than the pick list asks for, and why. */
export const ShortPickDrawer = ({
  stop,
  counted,
  open,
  error,
  busy,
  onOpenChange,
  onSubmit,
}: {
  stop: PickStop | null
  counted: number
  open: boolean
  error: string | null
  busy: boolean
  onOpenChange: (open: boolean) => void
  onSubmit: (found: number, reason: string) => void
}) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      {stop && open && (
        <ShortForm key={stop.index} stop={stop} counted={counted} error={error} busy={busy} onSubmit={onSubmit} />
      )}
    </Drawer.Content>
  </Drawer>
)
