import { ArchiveBox, ArrowDownTray, CheckCircleSolid } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, Hint, Input, Label, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useId, useMemo, useRef, useState } from "react"
import { Link } from "react-router-dom"
import { applyPackScan, startPackScan } from "../../../lib/picking/pack-scan"
import { usePackOrder } from "../../hooks/picking/waves"
import { errorMessage, formatCount } from "../../lib/format"
import type { AdminPackDetailResponse as PackDetail, Paper, Parcel } from "../../../types/picking"
import { Field } from "../common/field"
import { PackLabel } from "../shipping/pack-label"
import { errorBeep } from "./beep"
import { orderNumber, packStatusDisplay, shortWaveId } from "./display"
import { downloadDocument } from "./download"
import { SkuWithBarcode, TitleWithVariant } from "./item-text"
import { ProgressBar } from "./progress-bar"
import { ScanBanner, type ScanMessage } from "./scan-banner"

type ParcelForm = Record<keyof Parcel, string>

const PARCEL_FIELDS: { key: keyof Parcel; label: string }[] = [
  { key: "weight", label: "Weight" },
  { key: "length", label: "Length" },
  { key: "width", label: "Width" },
  { key: "height", label: "Height" },
]

const toParcelForm = (parcel: Parcel): ParcelForm => ({
  weight: String(parcel.weight),
  length: String(parcel.length),
  width: String(parcel.width),
  height: String(parcel.height),
})

/** Sent as typed (an empty field as NaN -> null in JSON): the server names what is wrong. */
const toParcel = (form: ParcelForm): Parcel => ({
  weight: Number(form.weight.trim() === "" ? Number.NaN : form.weight),
  length: Number(form.length.trim() === "" ? Number.NaN : form.length),
  width: Number(form.width.trim() === "" ? Number.NaN : form.width),
  height: Number(form.height.trim() === "" ? Number.NaN : form.height),
})

const PackingSlip = ({ waveId, orderId, displayId }: { waveId: string; orderId: string; displayId: number | null }) => {
  const [busy, setBusy] = useState(false)
  const download = async (paper: Paper) => {
    setBusy(true)
    try {
      await downloadDocument(
        `/admin/oms/waves/${encodeURIComponent(waveId)}/orders/${encodeURIComponent(orderId)}/packing-slip.pdf`,
        `packing-slip-${displayId ?? orderId}.pdf`,
        { query: { paper } }
      )
    } catch (error) {
      toast.error("Could not make the packing slip", { description: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" isLoading={busy} data-testid="picking-packing-slip">
          <ArrowDownTray />
          Packing slip
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item onClick={() => download("a4")} data-testid="picking-packing-slip-a4">
          A4 PDF
        </DropdownMenu.Item>
        <DropdownMenu.Item onClick={() => download("letter")} data-testid="picking-packing-slip-letter">
          Letter PDF
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

/**
 * Packing one order: scan each unit into the parcel (the page refuses codes that are not in
 * the order and units beyond what it needs), check the parcel's weight and size, then Pack,
 * which creates the order's fulfillment at the wave's location.
 */
export const PackStation = ({ waveId, pack }: { waveId: string; pack: PackDetail }) => {
  const ids = useId()
  const input = useRef<HTMLInputElement>(null)
  const packOrder = usePackOrder(waveId, pack.order_id)
  const packed = pack.status === "packed"
  const [state, setState] = useState(() =>
    startPackScan(pack.items.map((item) => ({ ...item, quantity: packed ? 0 : item.quantity })))
  )
  const [value, setValue] = useState("")
  const [message, setMessage] = useState<ScanMessage | null>(null)
  const [parcel, setParcel] = useState<ParcelForm>(() => toParcelForm(pack.parcel))
  const [serverError, setServerError] = useState<string | null>(null)
  const scanned = useMemo(() => new Map(state.items.map((item) => [item.line_item_id, item.scanned])), [state])
  const units = pack.items.reduce((sum, item) => sum + item.quantity, 0)
  const unitsScanned = state.items.reduce((sum, item) => sum + item.scanned, 0)
  const complete = !packed && unitsScanned >= units && units > 0

  useEffect(() => {
    if (!packed) input.current?.focus()
  }, [packed])

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return
    event.preventDefault()
    const code = value.trim()
    setValue("")
    if (!code) return
    const { state: next, outcome } = applyPackScan(state, code)
    setState(next)
    setMessage({ ok: outcome.ok, text: outcome.message })
    if (!outcome.ok) errorBeep()
  }

  const onPack = async () => {
    setServerError(null)
    try {
      const answer = await packOrder.mutateAsync({
        parcel: toParcel(parcel),
        items: state.items
          .filter((item) => item.scanned > 0)
          .map((item) => ({ line_item_id: item.line_item_id, quantity: item.scanned })),
      })
      toast.success(`Order ${orderNumber(pack.display_id, pack.order_id)} packed`, {
        description: `Fulfillment ${answer.pack.fulfillment_id}`,
      })
    } catch (error) {
      setServerError(errorMessage(error))
    }
  }

  const status = packStatusDisplay(pack.status)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex flex-col gap-y-1">
            <Text size="small" className="text-ui-fg-subtle">
              <Link to="/oms/picking" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                Picking
              </Link>
              {" / "}
              <Link to={`/oms/picking/${waveId}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                Wave {shortWaveId(waveId)}
              </Link>
              {" / Pack"}
            </Text>
            <div className="flex items-center gap-x-3">
              <Heading level="h1">Pack order {orderNumber(pack.display_id, pack.order_id)}</Heading>
              <Badge size="small">Tote {pack.tote}</Badge>
              <StatusBadge color={status.color} data-testid="picking-pack-status" data-status={pack.status}>
                {status.label}
              </StatusBadge>
            </div>
          </div>
          <PackingSlip waveId={waveId} orderId={pack.order_id} displayId={pack.display_id} />
        </div>
        {!packed && (
          <div className="flex flex-col gap-y-2">
            <ProgressBar done={unitsScanned} total={units} size="large" />
            <Text size="small" className="text-ui-fg-subtle tabular-nums" data-testid="picking-pack-progress">
              {formatCount(unitsScanned)} of {formatCount(units)} units in the parcel
            </Text>
          </div>
        )}
      </Container>

      {packed && (
        <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4" data-testid="picking-pack-done">
          <div className="flex items-center gap-x-3">
            <CheckCircleSolid className="text-ui-tag-green-icon" />
            <div className="flex flex-col">
              <Text size="small" weight="plus" className="text-ui-fg-base">
                Packed: fulfillment created
              </Text>
              <Text size="small" className="text-ui-fg-subtle font-mono" data-testid="picking-pack-fulfillment">
                {pack.fulfillment_id ?? "-"}
              </Text>
            </div>
          </div>
          <div className="flex items-center gap-x-2">
            <Button size="small" variant="secondary" asChild>
              <Link to={`/orders/${pack.order_id}`} data-testid="picking-pack-order-link">
                Open order
              </Link>
            </Button>
            <Button size="small" asChild>
              <Link to={`/oms/picking/${waveId}`}>Back to wave</Link>
            </Button>
          </div>
        </Container>
      )}

      {packed && pack.fulfillment_id && <PackLabel orderId={pack.order_id} fulfillmentId={pack.fulfillment_id} />}

      {!packed && (
        <Container className="flex flex-col gap-y-3 px-6 py-4">
          <Label htmlFor={`${ids}-scan`} size="small" weight="plus">
            Scan items into the parcel
          </Label>
          <Input
            id={`${ids}-scan`}
            ref={input}
            autoComplete="off"
            spellCheck={false}
            value={value}
            placeholder={complete ? "Everything is in the parcel" : "Scan an item's barcode or type its SKU and press Enter"}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={onKeyDown}
            className="h-14 font-mono text-xl"
            data-testid="picking-pack-input"
          />
          <ScanBanner message={message} idle="Scan each unit as it goes into the parcel." testId="picking-pack-message" />
        </Container>
      )}

      <div className="grid items-start gap-3 xl:grid-cols-[minmax(0,1fr)_320px]">
        <Container className="divide-y p-0" data-testid="picking-pack-items">
          <div className="px-6 py-4">
            <Heading level="h2">Items</Heading>
          </div>
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>SKU</Table.HeaderCell>
                  <Table.HeaderCell>Product</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{packed ? "Quantity" : "In parcel"}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {pack.items.map((item) => {
                  const count = scanned.get(item.line_item_id) ?? 0
                  const done = packed || count >= item.quantity
                  return (
                    <Table.Row key={item.line_item_id} data-testid={`picking-pack-item-${item.sku ?? item.line_item_id}`} data-done={String(done)}>
                      <Table.Cell className="py-2">
                        <SkuWithBarcode sku={item.sku} barcode={item.barcode} />
                      </Table.Cell>
                      <Table.Cell className="py-2">
                        <TitleWithVariant title={item.title} variantTitle={item.variant_title} className="max-w-[280px]" />
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums">
                        <div className="flex items-center justify-end gap-x-2">
                          {done && <CheckCircleSolid className="text-ui-tag-green-icon" />}
                          <span className="text-ui-fg-base" data-testid="picking-pack-item-count">
                            {packed ? formatCount(item.quantity) : `${formatCount(count)} / ${formatCount(item.quantity)}`}
                          </span>
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          </div>
        </Container>

        <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="picking-pack-parcel">
          <div className="flex flex-col gap-y-1">
            <Heading level="h2">Parcel</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Filled from the items' weights and sizes (stacked); change it to what the scale and box say.
            </Text>
          </div>
          <div className="grid grid-cols-2 gap-3">
            {PARCEL_FIELDS.map((field) => (
              <Field key={field.key} id={`${ids}-${field.key}`} label={field.label}>
                <Input
                  id={`${ids}-${field.key}`}
                  type="number"
                  min={0}
                  step="any"
                  size="small"
                  disabled={packed}
                  value={parcel[field.key]}
                  onChange={(event) => setParcel((current) => ({ ...current, [field.key]: event.target.value }))}
                  data-testid={`picking-pack-${field.key}`}
                />
              </Field>
            ))}
          </div>
          <Hint>In your catalog's units (the demo store uses grams and millimetres).</Hint>
          {serverError && (
            <Hint variant="error" data-testid="picking-pack-error">
              {serverError}
            </Hint>
          )}
          {!packed && (
            <Button onClick={onPack} disabled={!complete} isLoading={packOrder.isPending} data-testid="picking-pack-submit">
              <ArchiveBox />
              Pack and create fulfillment
            </Button>
          )}
          {!packed && !complete && (
            <Hint>Scan every unit into the parcel first ({formatCount(units - unitsScanned)} to go).</Hint>
          )}
        </Container>
      </div>
    </div>
  )
}
