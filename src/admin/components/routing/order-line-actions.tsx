import { ArrowPath, EllipsisHorizontal, XCircle } from "@medusajs/icons"
import { Button, DropdownMenu, Drawer, Hint, IconButton, Text, Textarea, toast } from "@medusajs/ui"
import { useId, useState } from "react"
import { type RejectReason, useMoveLines, useOrderReservations, useRejectLines } from "../../hooks/routing/orders"
import { useOmsLocations } from "../../hooks/routing/locations"
import { errorMessage } from "../../lib/format"
import type { AdminOrderReservationsResponse as OrderReservations } from "../../../types/foundation"
import { Field } from "../common/field"
import { LinePicker, type PickedLines, toItems } from "./line-picker"
import { OptionSelect } from "../common/option-select"
import { SectionLoading } from "../common/section-state"

const REASONS: Array<{ value: RejectReason; label: string }> = [
  { value: "not_in_stock", label: "Not in stock" },
  { value: "damaged", label: "Damaged" },
  { value: "no_capacity", label: "No capacity" },
]

const REASON_HELP: Record<RejectReason, string> = {
  not_in_stock: "The location's stock is lowered by the rejected units, so the next order is not sent there for them.",
  damaged: "The location's stock is lowered by the rejected units, so the next order is not sent there for them.",
  no_capacity: "The location's stock stays as it is.",
}

type Action = "reject" | "move"

/** The locations holding units of the order, as choices for the From/Location select. */
const reservedAt = (reservations: OrderReservations) =>
  reservations.locations.map((entry) => ({ value: entry.location_id, label: entry.name }))

/** The body and footer shared by both forms: what went wrong, Cancel, and the submit button. */
const FormFrame = ({
  title,
  description,
  error,
  submit,
  pending,
  onSubmit,
  testId,
  children,
}: {
  title: string
  description: string
  error: string | null
  submit: string
  pending: boolean
  onSubmit: () => void
  testId: string
  children: React.ReactNode
}) => (
  <form
    className="flex flex-1 flex-col overflow-hidden"
    data-testid={testId}
    noValidate
    onSubmit={(event) => {
      event.preventDefault()
      onSubmit()
    }}
  >
    <Drawer.Header>
      <Drawer.Title asChild>
        <h2 className="txt-compact-large-plus text-ui-fg-base">{title}</h2>
      </Drawer.Title>
      <Drawer.Description className="text-ui-fg-subtle txt-small">{description}</Drawer.Description>
    </Drawer.Header>
    <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
      {children}
      {error && (
        <Hint variant="error" data-testid={`${testId}-error`}>
          {error}
        </Hint>
      )}
    </Drawer.Body>
    <Drawer.Footer>
      <Drawer.Close asChild>
        <Button size="small" variant="secondary" type="button" disabled={pending}>
          Cancel
        </Button>
      </Drawer.Close>
      <Button size="small" type="submit" isLoading={pending} data-testid={`${testId}-submit`}>
        {submit}
      </Button>
    </Drawer.Footer>
  </form>
)

/** A location rejects some of what it holds for the order; the server routes the order again without it. */
const RejectForm = ({
  orderId,
  reservations,
  onDone,
}: {
  orderId: string
  reservations: OrderReservations
  onDone: () => void
}) => {
  const ids = useId()
  const [locationId, setLocationId] = useState(reservations.locations[0]?.location_id ?? "")
  const [picked, setPicked] = useState<PickedLines>({})
  const [reason, setReason] = useState<RejectReason>("not_in_stock")
  const [note, setNote] = useState("")
  const [error, setError] = useState<string | null>(null)
  const reject = useRejectLines(orderId)
  const location = reservations.locations.find((entry) => entry.location_id === locationId)

  const submit = async () => {
    setError(null)
    if (Object.keys(picked).length === 0) return setError("Pick at least one line to reject.")
    try {
      const { decision } = await reject.mutateAsync({
        location_id: locationId,
        reason,
        items: toItems(picked),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      toast.success(`${location?.name ?? "The location"} rejected the lines`, { description: decision.trace?.decision })
      onDone()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <FormFrame
      title="Reject lines"
      description="The location cannot ship these units. The order is routed again without that location."
      error={error}
      submit="Reject and re-route"
      pending={reject.isPending}
      onSubmit={submit}
      testId="oms-reject-form"
    >
      <Field label="Location">
        <OptionSelect
          value={locationId}
          options={reservedAt(reservations)}
          onChange={(value) => {
            setLocationId(value)
            setPicked({})
          }}
          testId="oms-reject-location"
        />
      </Field>
      <Field label="Lines">
        <LinePicker lines={location?.lines ?? []} picked={picked} onChange={setPicked} testId="oms-reject-lines" />
      </Field>
      <Field label="Reason" hint={REASON_HELP[reason]}>
        <OptionSelect
          value={reason}
          options={REASONS}
          onChange={(value) => setReason(value as RejectReason)}
          testId="oms-reject-reason"
        />
      </Field>
      <Field label="Note (optional)" id={`${ids}-note`}>
        <Textarea
          id={`${ids}-note`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Two units found broken on the shelf"
          data-testid="oms-reject-note"
        />
      </Field>
    </FormFrame>
  )
}

/** Moves lines' reserved units from one location to another that has them free. */
const MoveForm = ({
  orderId,
  reservations,
  onDone,
}: {
  orderId: string
  reservations: OrderReservations
  onDone: () => void
}) => {
  const locations = useOmsLocations()
  const [fromId, setFromId] = useState(reservations.locations[0]?.location_id ?? "")
  const targets = (locations.data?.locations ?? []).filter((location) => location.id !== fromId)
  const [toId, setToId] = useState("")
  const [picked, setPicked] = useState<PickedLines>({})
  const [error, setError] = useState<string | null>(null)
  const move = useMoveLines(orderId)
  const from = reservations.locations.find((entry) => entry.location_id === fromId)
  const to = targets.find((location) => location.id === toId)

  const submit = async () => {
    setError(null)
    if (Object.keys(picked).length === 0) return setError("Pick at least one line to move.")
    if (!to) return setError("Choose the location to move the lines to.")
    try {
      await move.mutateAsync({ to_location_id: to.id, items: toItems(picked) })
      toast.success(`Lines moved to ${to.name}`)
      onDone()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <FormFrame
      title="Move lines"
      description="Reserve the units at another location instead. It must have them free."
      error={error}
      submit="Move"
      pending={move.isPending}
      onSubmit={submit}
      testId="oms-move-form"
    >
      <div className="grid grid-cols-2 gap-4">
        <Field label="From">
          <OptionSelect
            value={fromId}
            options={reservedAt(reservations)}
            onChange={(value) => {
              setFromId(value)
              setPicked({})
              if (value === toId) setToId("")
            }}
            testId="oms-move-from"
          />
        </Field>
        <Field label="To">
          <OptionSelect
            value={toId}
            placeholder={locations.isPending ? "Loading…" : "Choose a location"}
            options={targets.map((location) => ({ value: location.id, label: location.name }))}
            onChange={setToId}
            testId="oms-move-to"
          />
        </Field>
      </div>
      {locations.isError && <Hint variant="error">{errorMessage(locations.error)}</Hint>}
      <Field label="Lines">
        <LinePicker lines={from?.lines ?? []} picked={picked} onChange={setPicked} testId="oms-move-lines" />
      </Field>
    </FormFrame>
  )
}

/** "..." next to Re-route: reject lines at a location, or move lines to another location. */
export const OrderLineActions = ({
  orderId,
  reservations,
}: {
  orderId: string
  reservations: OrderReservations | undefined
}) => {
  const [open, setOpen] = useState<Action | null>(null)
  // Keep the last form on screen while the drawer animates closed.
  const [shown, setShown] = useState<Action>("reject")
  const [opened, setOpened] = useState(0)
  const reserved = (reservations?.locations.length ?? 0) > 0
  const start = (action: Action) => {
    setShown(action)
    setOpened((count) => count + 1)
    setOpen(action)
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label="More routing actions" data-testid="oms-routing-actions">
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          <DropdownMenu.Item
            className="gap-x-2"
            disabled={!reserved}
            onClick={() => start("reject")}
            data-testid="oms-routing-reject"
          >
            <XCircle className="text-ui-fg-subtle" />
            Reject lines
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="gap-x-2"
            disabled={!reserved}
            onClick={() => start("move")}
            data-testid="oms-routing-move"
          >
            <ArrowPath className="text-ui-fg-subtle" />
            Move lines
          </DropdownMenu.Item>
          {!reserved && (
            <>
              <DropdownMenu.Separator />
              <Text size="xsmall" className="text-ui-fg-muted max-w-[220px] px-2 py-1">
                Nothing of this order is reserved, so there is nothing to reject or move.
              </Text>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu>
      <Drawer open={open !== null} onOpenChange={(value) => !value && setOpen(null)}>
        <Drawer.Content>
          {reservations &&
            (shown === "reject" ? (
              <RejectForm key={opened} orderId={orderId} reservations={reservations} onDone={() => setOpen(null)} />
            ) : (
              <MoveForm key={opened} orderId={orderId} reservations={reservations} onDone={() => setOpen(null)} />
            ))}
        </Drawer.Content>
      </Drawer>
    </>
  )
}

/**
 * The queue's Move: the widget's Move lines form for one held or backordered order, so an
 * operator can send it to a location with stock without leaving the queue.
 */
export const MoveOrderButton = ({ orderId }: { orderId: string }) => {
  const [open, setOpen] = useState(false)
  const [opened, setOpened] = useState(0)
  const { data: reservations } = useOrderReservations(open ? orderId : undefined)
  return (
    <>
      <Button
        size="small"
        variant="secondary"
        onClick={() => {
          setOpened((count) => count + 1)
          setOpen(true)
        }}
        data-testid={`oms-queue-move-${orderId}`}
      >
        Move
      </Button>
      <Drawer open={open} onOpenChange={setOpen}>
        <Drawer.Content>
          {!reservations ? (
            <div className="p-6">
              <SectionLoading rows={3} />
            </div>
          ) : reservations.locations.length ? (
            <MoveForm key={opened} orderId={orderId} reservations={reservations} onDone={() => setOpen(false)} />
          ) : (
            <Text size="small" className="text-ui-fg-subtle p-6">
              Nothing of this order is reserved, so there is nothing to move. Retry routes it again on the current stock.
            </Text>
          )}
        </Drawer.Content>
      </Drawer>
    </>
  )
}
