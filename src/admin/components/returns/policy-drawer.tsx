import { Plus, Trash } from "@medusajs/icons"
import { Button, Checkbox, Drawer, Hint, IconButton, Input, Label, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"
import { useSalesChannelOptions } from "../../hooks/common"
import { useRegionOptions, useReturnReasonOptions } from "../../hooks/returns/options"
import { useCreateReturnPolicy, useUpdateReturnPolicy } from "../../hooks/returns/policies"
import { useOmsLocations } from "../../hooks/routing/locations"
import { errorMessage } from "../../lib/format"
import type { ReturnPolicy } from "../../../types/returns"
import { Field } from "../common/field"
import { OptionSelect } from "../common/option-select"
import {
  DESTINATION_STRATEGIES,
  NEW_POLICY,
  RESOLUTION_CHOICES,
  SELECTOR_KINDS,
  SHIPPING_MODES,
  toForm,
  toPayload,
  type PolicyForm,
  type SelectorRow,
} from "./policy-form"

/** What the drawer edits: a stored policy, or a new one. */
export type PolicyTarget = { mode: "create" } | { mode: "edit"; policy: ReturnPolicy }

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <fieldset className="flex flex-col gap-y-4 border-t border-ui-border-base pt-4">
    <legend className="txt-compact-small-plus text-ui-fg-base pr-2">{title}</legend>
    {children}
  </fieldset>
)

/** A list of choices as checkboxes (regions, sales channels, resolutions). */
const CheckList = ({
  options,
  value,
  onChange,
  testId,
}: {
  options: { value: string; label: string }[]
  value: string[]
  onChange: (next: string[]) => void
  testId: string
}) => {
  const ids = useId()
  return (
    <div className="flex flex-wrap gap-x-5 gap-y-2" data-testid={testId}>
      {options.map((o) => (
        <div key={o.value} className="flex items-center gap-x-2">
          <Checkbox
            id={`${ids}-${o.value}`}
            checked={value.includes(o.value)}
            onCheckedChange={(checked) => onChange(checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            data-testid={`${testId}-${o.value}`}
          />
          <Label htmlFor={`${ids}-${o.value}`} size="small">
            {o.label}
          </Label>
        </div>
      ))}
    </div>
  )
}

/** Product selectors (exclusions or final sale): a kind and the ids it covers, per row. */
const SelectorRows = ({ rows, onChange, testId }: { rows: SelectorRow[]; onChange: (rows: SelectorRow[]) => void; testId: string }) => (
  <div className="flex flex-col gap-y-2" data-testid={testId}>
    {rows.map((row, i) => (
      <div key={i} className="flex items-center gap-x-2" data-testid={`${testId}-row`}>
        <div className="w-40 shrink-0">
          <OptionSelect
            value={row.kind}
            options={SELECTOR_KINDS}
            onChange={(kind) => onChange(rows.map((r, j) => (j === i ? { ...r, kind: kind as SelectorRow["kind"] } : r)))}
            testId={`${testId}-kind`}
          />
        </div>
        <Input
          size="small"
          className="flex-1"
          placeholder={SELECTOR_KINDS.find((k) => k.value === row.kind)?.placeholder}
          value={row.ids}
          onChange={(e) => onChange(rows.map((r, j) => (j === i ? { ...r, ids: e.target.value } : r)))}
          aria-label="Ids, separated by commas"
          data-testid={`${testId}-ids`}
        />
        <IconButton size="small" variant="transparent" type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label="Remove">
          <Trash />
        </IconButton>
      </div>
    ))}
    <div>
      <Button size="small" variant="secondary" type="button" onClick={() => onChange([...rows, { kind: "product", ids: "" }])} data-testid={`${testId}-add`}>
        <Plus />
        Add
      </Button>
    </div>
  </div>
)

const PolicyFormBody = ({ target, onSaved }: { target: PolicyTarget; onSaved: () => void }) => {
  const ids = useId()
  const editing = target.mode === "edit" ? target.policy : null
  const [form, setForm] = useState<PolicyForm>(() => toForm(editing ?? NEW_POLICY))
  const [serverError, setServerError] = useState<string | null>(null)
  const create = useCreateReturnPolicy()
  const update = useUpdateReturnPolicy()
  const reasons = useReturnReasonOptions()
  const regions = useRegionOptions()
  const channels = useSalesChannelOptions()
  const locations = useOmsLocations()
  const isPending = create.isPending || update.isPending
  // An edit answers the server's last refusal: the message goes until the next save.
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => {
    setServerError(null)
    setForm((current) => ({ ...current, [key]: value }))
  }
  const setReason = (value: string, key: "note_required" | "photo_required", on: boolean) =>
    set("reasons", { ...form.reasons, [value]: { ...form.reasons[value], [key]: on } })

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setServerError(null)
    try {
      const body = toPayload(form)
      if (editing) await update.mutateAsync({ id: editing.id, body })
      else await create.mutateAsync(body)
      toast.success(`Return policy ${form.name} saved`)
      onSaved()
    } catch (error) {
      setServerError(errorMessage(error))
    }
  }

  const number = (key: keyof PolicyForm, label: string, hint?: string, optional?: boolean) => (
    <Field id={`${ids}-${key}`} label={label} hint={hint} optional={optional}>
      <Input
        id={`${ids}-${key}`}
        size="small"
        type="number"
        value={form[key] as string}
        onChange={(e) => set(key, e.target.value as never)}
        data-testid={`policy-${key.replace(/_/g, "-")}`}
      />
    </Field>
  )

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" data-testid="policy-form" noValidate>
      <Drawer.Header>
        <Drawer.Title asChild>
          <h2 className="txt-compact-large-plus text-ui-fg-base">{editing ? `Edit ${editing.name}` : "Add return policy"}</h2>
        </Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          The first active policy by priority whose market matches the order decides its returns. Cases keep the terms they were requested under.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Field id={`${ids}-name`} label="Name">
          <Input id={`${ids}-name`} size="small" value={form.name} onChange={(e) => set("name", e.target.value)} data-testid="policy-name" />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          {number("priority", "Priority", "Lower is considered first.")}
          <div className="flex items-center justify-between gap-x-4 pt-6">
            <Label htmlFor={`${ids}-active`} size="small" weight="plus">
              Active
            </Label>
            <Switch id={`${ids}-active`} checked={form.active} onCheckedChange={(checked) => set("active", checked)} data-testid="policy-active" />
          </div>
        </div>

        <Section title="Market">
          {form.advanced_market !== undefined ? (
            <div className="flex flex-col gap-y-2">
              <Text size="small" className="text-ui-fg-subtle">
                This market is written as a condition the lists cannot show; it is kept as it is.
              </Text>
              <pre className="bg-ui-bg-subtle txt-compact-xsmall rounded-md p-2 font-mono">{JSON.stringify(form.advanced_market, null, 2)}</pre>
              <div>
                <Button size="small" variant="secondary" type="button" onClick={() => set("advanced_market", undefined)}>
                  Replace with lists
                </Button>
              </div>
            </div>
          ) : (
            <>
              <Field id={`${ids}-countries`} label="Countries" optional hint="ISO codes separated by commas, e.g. US, CA. Empty: any country.">
                <Input id={`${ids}-countries`} size="small" placeholder="US, CA" value={form.countries} onChange={(e) => set("countries", e.target.value)} data-testid="policy-countries" />
              </Field>
              <Field label="Regions" optional hint="None ticked: any region.">
                <CheckList
                  options={(regions.data?.regions ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.currency_code.toUpperCase()})` }))}
                  value={form.regions}
                  onChange={(next) => set("regions", next)}
                  testId="policy-regions"
                />
              </Field>
              <Field label="Sales channels" optional hint="None ticked: any sales channel.">
                <CheckList
                  options={(channels.data?.sales_channels ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  value={form.sales_channels}
                  onChange={(next) => set("sales_channels", next)}
                  testId="policy-sales-channels"
                />
              </Field>
            </>
          )}
        </Section>

        <Section title="Window">
          <div className="grid grid-cols-2 gap-4">
            {number("window_days", "Days to return", "Counted from delivery.")}
            {number("transit_days", "Transit days", "Added to the shipment date when delivery is not known.")}
          </div>
        </Section>

        <Section title="What cannot be returned">
          <Field label="Excluded" hint="Not returnable at all.">
            <SelectorRows rows={form.exclusions} onChange={(rows) => set("exclusions", rows)} testId="policy-exclusions" />
          </Field>
          <Field label="Final sale" hint="Sold as final sale; the customer is told so.">
            <SelectorRows rows={form.final_sale} onChange={(rows) => set("final_sale", rows)} testId="policy-final-sale" />
          </Field>
        </Section>

        <Section title="Reasons">
          {(reasons.data?.return_reasons ?? []).length === 0 ? (
            <Text size="small" className="text-ui-fg-subtle">
              No return reasons yet: add them in Settings, Return reasons.
            </Text>
          ) : (
            <div className="flex flex-col gap-y-2" data-testid="policy-reasons">
              {reasons.data!.return_reasons.map((r) => (
                <div key={r.id} className="flex flex-wrap items-center justify-between gap-2" data-testid={`policy-reason-${r.value}`}>
                  <Text size="small" className="text-ui-fg-base">
                    {r.label} <span className="text-ui-fg-muted font-mono">{r.value}</span>
                  </Text>
                  <div className="flex items-center gap-x-4">
                    {(["note_required", "photo_required"] as const).map((key) => (
                      <div key={key} className="flex items-center gap-x-2">
                        <Checkbox
                          id={`${ids}-${r.value}-${key}`}
                          checked={!!form.reasons[r.value]?.[key]}
                          onCheckedChange={(checked) => setReason(r.value, key, checked === true)}
                          data-testid={`policy-reason-${r.value}-${key}`}
                        />
                        <Label htmlFor={`${ids}-${r.value}-${key}`} size="small">
                          {key === "note_required" ? "Note required" : "Photo required"}
                        </Label>
                      </div>
                    ))}
                  </div>
                </div>
              ))}
            </div>
          )}
        </Section>

        <Section title="Money">
          <div className="grid grid-cols-2 gap-4">
            {number("restocking_fee_percent", "Restocking fee (%)", "Kept from the refund of the returned goods.")}
            {number("keep_it_under", "Keep it under", "Lines worth less are refunded without coming back. Empty: never.", true)}
          </div>
          <div className="grid grid-cols-2 gap-4">
            <Field label="Return shipping">
              <OptionSelect value={form.shipping_mode} options={SHIPPING_MODES} onChange={(v) => set("shipping_mode", v as PolicyForm["shipping_mode"])} testId="policy-shipping-mode" />
            </Field>
            {form.shipping_mode === "flat" && number("shipping_amount", "Charge", "Deducted from the refund.")}
          </div>
          <Field label="Resolutions the customer may choose">
            <CheckList
              options={RESOLUTION_CHOICES}
              value={form.resolutions}
              onChange={(next) => set("resolutions", next as PolicyForm["resolutions"])}
              testId="policy-resolutions"
            />
          </Field>
          <div className="flex items-start justify-between gap-x-4">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor={`${ids}-refund-damaged`} size="small" weight="plus">
                Refund damaged units
              </Label>
              <Hint>When the customer is not at fault; otherwise damaged units are withheld.</Hint>
            </div>
            <Switch
              id={`${ids}-refund-damaged`}
              checked={form.refund_damaged}
              onCheckedChange={(checked) => set("refund_damaged", checked)}
              data-testid="policy-refund-damaged"
            />
          </div>
        </Section>

        <Section title="Where returns go">
          <Field label="Destination">
            <OptionSelect
              value={form.destination_strategy}
              options={DESTINATION_STRATEGIES}
              onChange={(v) => set("destination_strategy", v as PolicyForm["destination_strategy"])}
              testId="policy-destination"
            />
          </Field>
          {form.destination_strategy === "fixed" && (
            <Field label="Returns centre">
              <OptionSelect
                value={form.destination_location_id}
                placeholder="Choose a location"
                options={(locations.data?.locations ?? []).map((l) => ({ value: l.id, label: l.name }))}
                onChange={(v) => set("destination_location_id", v)}
                testId="policy-destination-location"
              />
            </Field>
          )}
        </Section>

        {serverError && (
          <Hint variant="error" data-testid="policy-error">
            {serverError}
          </Hint>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" disabled={isPending}>
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={isPending} data-testid="policy-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** Adds or edits a return policy; open while `target` is set. */
export const PolicyDrawer = ({ target, onClose }: { target: PolicyTarget | null; onClose: () => void }) => {
  // Keep showing the last form while the drawer animates closed.
  const [shown, setShown] = useState<PolicyTarget | null>(target)
  useEffect(() => {
    if (target) setShown(target)
  }, [target])
  const current = target ?? shown
  const key = current?.mode === "edit" ? current.policy.id : "new"
  return (
    <Drawer open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>{current && <PolicyFormBody key={key} target={current} onSaved={onClose} />}</Drawer.Content>
    </Drawer>
  )
}
