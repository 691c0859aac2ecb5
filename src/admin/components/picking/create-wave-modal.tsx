import { Button, Checkbox, DatePicker, FocusModal, Heading, Hint, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useId, useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useOmsLocations } from "../../hooks/routing/locations"
import { useCreateWave, useLocationShippingOptions, useWavePreview } from "../../hooks/picking/waves"
import { errorMessage, formatUnits } from "../../lib/format"
import type { AdminWaveFiltersPayload as WaveFilters, WaveKind } from "../../../types/picking"
import { OptionSelect } from "../common/option-select"
import { Field, optionalNumber } from "../common/field"
import { locationLabel, plural, shortWaveId } from "./display"
import { useDebounced } from "./use-debounced"

/** The form as typed: numbers stay strings so a field can be cleared. */
type WaveForm = {
  stock_location_id: string
  shipping_option_ids: string[]
  placed_before: Date | null
  kind: WaveKind
  min_age_minutes: string
  max_orders: string
}

const EMPTY: WaveForm = {
  stock_location_id: "",
  shipping_option_ids: [],
  placed_before: null,
  kind: "any",
  min_age_minutes: "",
  max_orders: "",
}

const KIND_OPTIONS: { value: WaveKind; label: string }[] = [
  { value: "any", label: "Any number of items" },
  { value: "single", label: "Single-item orders" },
  { value: "multi", label: "Multi-item orders" },
]

/** The request body; `null` until a location is chosen (nothing to preview yet). */
const toFilters = (form: WaveForm): WaveFilters | null => {
  if (!form.stock_location_id) return null
  const filters: WaveFilters = { stock_location_id: form.stock_location_id, kind: form.kind }
  if (form.shipping_option_ids.length) filters.shipping_option_ids = form.shipping_option_ids
  if (form.placed_before) filters.placed_before = form.placed_before.toISOString()
  const minAge = optionalNumber(form.min_age_minutes)
  if (minAge !== undefined) filters.min_age_minutes = minAge
  const maxOrders = optionalNumber(form.max_orders)
  if (maxOrders !== undefined) filters.max_orders = maxOrders
  return filters
}

/** How many orders, lines and units the filters select, asked again shortly after each change. */
const Preview = ({ filters }: { filters: WaveFilters | null }) => {
  const settled = useDebounced(filters, 400)
  const { data, isFetching, isError, error } = useWavePreview(settled)
  const waiting = isFetching || settled !== filters

  let body: React.ReactNode
  if (!filters) body = <Text size="small" className="text-ui-fg-subtle">Choose a location to see which orders would be picked.</Text>
  else if (isError && !waiting)
    body = (
      <Text size="small" className="text-ui-fg-error" role="alert" data-testid="picking-preview-error">
        {errorMessage(error)}
      </Text>
    )
  else if (!data) body = <Text size="small" className="text-ui-fg-subtle">Counting…</Text>
  else
    body = (
      <div className="flex flex-col gap-y-1">
        <Text size="large" weight="plus" className="text-ui-fg-base" data-testid="picking-preview-counts">
          {plural(data.orders, "order", "orders")}, {plural(data.lines, "line", "lines")},{" "}
          {formatUnits(data.units)}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {data.orders === 0
            ? "No routed, unfulfilled orders at this location match these filters."
            : "Oldest orders first. Orders already in an open wave are left out."}
        </Text>
      </div>
    )

  return (
    <div
      className="bg-ui-bg-subtle shadow-borders-base flex items-center justify-between gap-x-4 rounded-lg px-4 py-3"
      data-testid="picking-preview"
      aria-live="polite"
      aria-busy={waiting}
    >
      {body}
      {filters && waiting && (
        <Text size="xsmall" className="text-ui-fg-muted shrink-0">
          Updating…
        </Text>
      )}
    </div>
  )
}

const ShippingOptions = ({
  locationId,
  selected,
  onChange,
}: {
  locationId: string
  selected: string[]
  onChange: (ids: string[]) => void
}) => {
  const ids = useId()
  const { data, isPending, isError, error } = useLocationShippingOptions(locationId)
  if (!locationId) return <Hint>Choose a location first.</Hint>
  if (isPending) return <Hint>Loading shipping options…</Hint>
  if (isError) return <Hint variant="error">{errorMessage(error)}</Hint>
  const options = data.shipping_options
  if (options.length === 0) return <Hint>This location has no shipping options.</Hint>
  return (
    <div className="grid grid-cols-2 gap-x-4 gap-y-2" data-testid="picking-wave-shipping-options">
      {options.map((option) => {
        const id = `${ids}-${option.id}`
        return (
          <div key={option.id} className="flex min-w-0 items-center gap-x-2">
            <Checkbox
              id={id}
              checked={selected.includes(option.id)}
              onCheckedChange={(checked) =>
                onChange(checked === true ? [...selected, option.id] : selected.filter((value) => value !== option.id))
              }
            />
            <Label htmlFor={id} size="small" className="truncate" title={option.name}>
              {option.name}
            </Label>
          </div>
        )
      })}
    </div>
  )
}

const WaveForm = ({ onDone }: { onDone: () => void }) => {
  const ids = useId()
  const navigate = useNavigate()
  const [form, setForm] = useState<WaveForm>(EMPTY)
  const [serverError, setServerError] = useState<string | null>(null)
  const locations = useOmsLocations()
  const create = useCreateWave()
  const filters = useMemo(() => toFilters(form), [form])

  const set = <K extends keyof WaveForm>(key: K, value: WaveForm[K]) => {
    setServerError(null)
    setForm((current) => ({ ...current, [key]: value }))
  }

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!filters) {
      setServerError("Choose the location to pick from.")
      return
    }
    setServerError(null)
    try {
      const { wave } = await create.mutateAsync(filters)
      toast.success(`Wave ${shortWaveId(wave.id)} created`, {
        description: `${plural(wave.orders, "order", "orders")} at ${locationLabel(wave)}`,
      })
      onDone()
      navigate(`/oms/picking/${wave.id}`)
    } catch (error) {
      setServerError(errorMessage(error))
    }
  }

  const locationOptions = (locations.data?.locations ?? []).map((location) => ({
    value: location.id,
    label: location.name,
  }))

  return (
    <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" data-testid="picking-wave-form" noValidate>
      <FocusModal.Header />
      <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-12">
        <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-6">
          <div className="flex flex-col gap-y-1">
            <FocusModal.Title asChild>
              <Heading level="h1">Create wave</Heading>
            </FocusModal.Title>
            <FocusModal.Description asChild>
              <Text size="small" className="text-ui-fg-subtle">
                Pick a location's routed, unfulfilled orders in one walk. Narrow them down with the filters; the
                preview shows what the wave will hold.
              </Text>
            </FocusModal.Description>
          </div>
          <Field id={`${ids}-location`} label="Location">
            {locations.isError ? (
              <Hint variant="error">{errorMessage(locations.error)}</Hint>
            ) : (
              <Select
                size="small"
                value={form.stock_location_id}
                onValueChange={(value) => {
                  setServerError(null)
                  setForm((current) => ({ ...current, stock_location_id: value, shipping_option_ids: [] }))
                }}
              >
                <Select.Trigger id={`${ids}-location`} data-testid="picking-wave-location">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
                <Select.Content>
                  {locationOptions.map((option) => (
                    <Select.Item key={option.value} value={option.value}>
                      {option.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          </Field>
          <Field id={`${ids}-shipping`} label="Shipping options" hint="None ticked: every shipping option.">
            <ShippingOptions
              locationId={form.stock_location_id}
              selected={form.shipping_option_ids}
              onChange={(value) => set("shipping_option_ids", value)}
            />
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field id={`${ids}-placed-before`} label="Placed before" optional hint="The cut-off for this wave.">
              <DatePicker
                granularity="minute"
                value={form.placed_before}
                onChange={(value) => set("placed_before", value)}
                aria-label="Placed before"
                data-testid="picking-wave-placed-before"
              />
            </Field>
            <Field id={`${ids}-kind`} label="Orders">
              <OptionSelect
                value={form.kind}
                options={KIND_OPTIONS}
                onChange={(value) => set("kind", value as WaveKind)}
                testId="picking-wave-kind"
              />
            </Field>
            <Field id={`${ids}-min-age`} label="Minimum age" optional hint="Minutes since the order was placed.">
              <Input
                id={`${ids}-min-age`}
                type="number"
                min={0}
                step={1}
                size="small"
                value={form.min_age_minutes}
                onChange={(event) => set("min_age_minutes", event.target.value)}
                data-testid="picking-wave-min-age"
              />
            </Field>
            <Field id={`${ids}-max-orders`} label="Maximum orders" optional hint="Oldest orders are taken first.">
              <Input
                id={`${ids}-max-orders`}
                type="number"
                min={1}
                step={1}
                size="small"
                value={form.max_orders}
                onChange={(event) => set("max_orders", event.target.value)}
                data-testid="picking-wave-max-orders"
              />
            </Field>
          </div>
          <Preview filters={filters} />
          {serverError && (
            <Hint variant="error" data-testid="picking-wave-error">
              {serverError}
            </Hint>
          )}
        </div>
      </FocusModal.Body>
      <FocusModal.Footer>
        <FocusModal.Close asChild>
          <Button size="small" variant="secondary" type="button" disabled={create.isPending}>
            Cancel
          </Button>
        </FocusModal.Close>
        <Button size="small" type="submit" isLoading={create.isPending} data-testid="picking-wave-submit">
          Create wave
        </Button>
      </FocusModal.Footer>
    </form>
  )
}

/** The create-wave dialog: the filters, a live preview of what they select, and Create. */
export const CreateWaveModal = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content>{open && <WaveForm onDone={() => onOpenChange(false)} />}</FocusModal.Content>
  </FocusModal>
)
