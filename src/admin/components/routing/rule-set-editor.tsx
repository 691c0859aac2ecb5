import { ArrowDownMini, ArrowUpMini, Plus, Trash } from "@medusajs/icons"
import { Badge, Button, Checkbox, Drawer, Hint, IconButton, Input, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"
import { useOmsLocations } from "../../hooks/routing/locations"
import { useRuleSetMutations } from "../../hooks/routing/rule-sets"
import { useSalesChannelOptions } from "../../hooks/common"
import { type ConditionForm, conditionErrorTarget, toCondition, toConditionForm } from "../../lib/routing/conditions"
import { errorMessage } from "../../lib/format"
import { Field } from "../common/field"
import { OptionSelect } from "../common/option-select"
import { RuleConditions } from "./rule-conditions"
import {
  FILTER_TYPES,
  KIND_LABELS,
  PARTIAL_POLICIES,
  RANK_TYPES,
  SPLIT_TYPES,
  defaultDefinition,
  move,
  needsLocations,
  ruleTypeLabel,
} from "../../lib/routing/rules"
import type { PartialPolicy, RuleKind, AdminRuleSet as RuleSet, RuleSetDefinition, SplitPolicy } from "../../../types/routing"
import type { RoutingRule } from "../../lib/routing/rules"

const RULE_KINDS = [
  { value: "filter", label: "Filter" },
  { value: "rank", label: "Rank" },
]

/** What the drawer edits: a new draft, or an existing draft version. */
export type RuleSetEditorTarget = { mode: "create" } | { mode: "edit"; ruleSet: RuleSet }

const ALL_CHANNELS = "__all__"

/** The split policy as typed: numbers stay strings until saved, so a field can be cleared. */
type SplitForm = { type: SplitPolicy["type"]; max: string; min_value: string }

const toSplitForm = (split: SplitPolicy): SplitForm => ({
  type: split.type,
  max: split.type === "max_shipments" ? String(split.max) : "2",
  min_value: split.type === "min_shipment_value" ? String(split.min_value) : "0",
})

/** Anything typed goes to the server as a number (or NaN -> null), which validates it. */
const toSplit = (form: SplitForm): SplitPolicy => {
  const number = (value: string) => (value.trim() === "" ? (null as unknown as number) : Number(value))
  switch (form.type) {
    case "max_shipments":
      return { type: "max_shipments", max: number(form.max) }
    case "min_shipment_value":
      return { type: "min_shipment_value", min_value: number(form.min_value) }
    default:
      return { type: form.type }
  }
}

/** A rule as the editor holds it: its condition as rows, so half-typed values survive. */
type EditorRule = RoutingRule & { conditionForm: ConditionForm }

const toEditorRule = (rule: RoutingRule): EditorRule => ({ ...rule, conditionForm: toConditionForm(rule.condition) })

/** Rules as sent: location lists only on include/exclude filters, the condition from its rows. */
const cleanRule = ({ conditionForm, condition: _stored, ...rule }: EditorRule): RoutingRule => {
  const next: RoutingRule = { ...rule }
  const condition = toCondition(conditionForm)
  if (condition !== undefined) next.condition = condition
  if (!needsLocations(rule) && next.params && "location_ids" in next.params) {
    const { location_ids: _dropped, ...rest } = next.params
    next.params = Object.keys(rest).length ? rest : undefined
  }
  if (next.params === undefined) delete next.params
  return next
}

const LocationPicker = ({
  rule,
  index,
  onChange,
}: {
  rule: RoutingRule
  index: number
  onChange: (locationIds: string[]) => void
}) => {
  const ids = useId()
  const locations = useOmsLocations()
  const selected = rule.params?.location_ids ?? []
  if (locations.isPending) return <Hint>Loading locations…</Hint>
  if (locations.isError) return <Hint variant="error">{errorMessage(locations.error)}</Hint>
  const list = locations.data?.locations ?? []
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-2 pt-2" data-testid={`oms-rule-locations-${index}`}>
      {list.map((location) => {
        const id = `${ids}-${location.id}`
        const checked = selected.includes(location.id)
        return (
          <div key={location.id} className="flex items-center gap-x-2">
            <Checkbox
              id={id}
              checked={checked}
              onCheckedChange={(value) =>
                onChange(
                  value === true
                    ? [...selected, location.id]
                    : selected.filter((locationId) => locationId !== location.id)
                )
              }
            />
            <Label htmlFor={id} size="small">
              {location.name}
            </Label>
          </div>
        )
      })}
      {list.length === 0 && <Hint>No stock locations yet.</Hint>}
    </div>
  )
}

const RuleRow = ({
  rule,
  index,
  count,
  error,
  onMove,
  onRemove,
  onChange,
}: {
  rule: EditorRule
  index: number
  count: number
  /** The server refused this rule's condition: its message and, when it names one, the row. */
  error: { message: string; row: number | null } | null
  onMove: (to: number) => void
  onRemove: () => void
  onChange: (rule: EditorRule) => void
}) => (
  <li
    className="bg-ui-bg-component shadow-borders-base flex flex-col rounded-lg px-3 py-2"
    data-testid={`oms-rule-${index}`}
    data-rule-type={rule.type}
  >
    <div className="flex items-center gap-x-3">
      <Text size="small" className="text-ui-fg-muted w-5 shrink-0 text-right tabular-nums">
        {index + 1}
      </Text>
      <Badge size="2xsmall" color={rule.kind === "filter" ? "blue" : "purple"} className="shrink-0">
        {KIND_LABELS[rule.kind]}
      </Badge>
      <Text size="small" weight="plus" className="min-w-0 flex-1 truncate" title={rule.type}>
        {rule.label || ruleTypeLabel(rule)}
      </Text>
      <div className="flex shrink-0 items-center gap-x-1">
        <IconButton
          size="small"
          variant="transparent"
          type="button"
          aria-label={`Move rule ${index + 1} up`}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
          data-testid={`oms-rule-up-${index}`}
        >
          <ArrowUpMini />
        </IconButton>
        <IconButton
          size="small"
          variant="transparent"
          type="button"
          aria-label={`Move rule ${index + 1} down`}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
          data-testid={`oms-rule-down-${index}`}
        >
          <ArrowDownMini />
        </IconButton>
        <IconButton
          size="small"
          variant="transparent"
          type="button"
          aria-label={`Remove rule ${index + 1}`}
          onClick={onRemove}
          data-testid={`oms-rule-remove-${index}`}
        >
          <Trash />
        </IconButton>
      </div>
    </div>
    {needsLocations(rule) && (
      <LocationPicker
        rule={rule}
        index={index}
        onChange={(location_ids) => onChange({ ...rule, params: { ...rule.params, location_ids } })}
      />
    )}
    <RuleConditions
      form={rule.conditionForm}
      ruleIndex={index}
      error={error?.message ?? null}
      errorRow={error?.row ?? null}
      onChange={(conditionForm) => onChange({ ...rule, conditionForm })}
    />
  </li>
)

/** Adds a rule: kind, then one of that kind's types. */
const AddRule = ({ onAdd }: { onAdd: (rule: RoutingRule) => void }) => {
  const [kind, setKind] = useState<RuleKind>("filter")
  const types = kind === "filter" ? FILTER_TYPES : RANK_TYPES
  const [type, setType] = useState<string>(types[0].value)
  useEffect(() => setType((kind === "filter" ? FILTER_TYPES : RANK_TYPES)[0].value), [kind])

  return (
    <div className="flex items-end gap-x-2" data-testid="oms-rule-add">
      <div className="flex w-[120px] flex-col gap-y-1">
        <Label size="xsmall" weight="plus">
          Kind
        </Label>
        <OptionSelect
          value={kind}
          options={RULE_KINDS}
          onChange={(value) => setKind(value as RuleKind)}
          testId="oms-rule-add-kind"
        />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-y-1">
        <Label size="xsmall" weight="plus">
          Rule
        </Label>
        <OptionSelect value={type} options={types} onChange={setType} testId="oms-rule-add-type" />
      </div>
      <Button
        size="small"
        variant="secondary"
        type="button"
        onClick={() => onAdd({ kind, type: type as RoutingRule["type"] })}
        data-testid="oms-rule-add-button"
      >
        <Plus />
        Add
      </Button>
    </div>
  )
}

const RuleSetForm = ({ target, onSaved }: { target: RuleSetEditorTarget; onSaved: () => void }) => {
  const ids = useId()
  const initial: RuleSetDefinition = target.mode === "edit" ? target.ruleSet.definition : defaultDefinition()
  const [name, setName] = useState(target.mode === "edit" ? target.ruleSet.name : "")
  const [channel, setChannel] = useState<string>(
    target.mode === "edit" ? target.ruleSet.sales_channel_id ?? ALL_CHANNELS : ALL_CHANNELS
  )
  const [rules, setRules] = useState<EditorRule[]>(() => initial.rules.map(toEditorRule))
  const [split, setSplit] = useState<SplitForm>(() => toSplitForm(initial.split))
  const [partial, setPartial] = useState<PartialPolicy>(initial.partial)
  const [serverError, setServerError] = useState<string | null>(null)
  const { create, update } = useRuleSetMutations()
  const channels = useSalesChannelOptions()
  const isPending = create.isPending || update.isPending
  const conditionError = serverError ? conditionErrorTarget(serverError) : null

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setServerError(null)
    // The server checks each edited rule against the planner's schema (400 naming the field).
    const definition = { rules: rules.map(cleanRule), split: toSplit(split), partial } as RuleSetDefinition
    const title = target.mode === "edit" ? `${target.ruleSet.name} v${target.ruleSet.version}` : name.trim() || "rule set"
    try {
      if (target.mode === "edit") {
        await update.mutateAsync({ id: target.ruleSet.id, definition })
        toast.success(`${title} saved`)
      } else {
        const { rule_set } = await create.mutateAsync({
          name,
          definition,
          sales_channel_id: channel === ALL_CHANNELS ? null : channel,
        })
        toast.success(`Draft ${rule_set.name} v${rule_set.version} created`)
      }
      onSaved()
    } catch (error) {
      const message = errorMessage(error)
      setServerError(message)
      toast.error(`Could not save ${title}`, { description: message })
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" data-testid="oms-rule-set-form" noValidate>
      <Drawer.Header>
        <Drawer.Title asChild>
          <h2 className="txt-compact-large-plus text-ui-fg-base">
            {target.mode === "edit" ? `Edit ${target.ruleSet.name} v${target.ruleSet.version}` : "Create rule set"}
          </h2>
        </Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          {target.mode === "edit"
            ? "Only drafts change. Activate the draft to route new orders with it."
            : "A new draft, starting from the default rules. It routes nothing until you activate it."}
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        {target.mode === "create" && (
          <div className="grid grid-cols-2 gap-4">
            <Field id={`${ids}-name`} label="Name">
              <Input
                id={`${ids}-name`}
                size="small"
                value={name}
                onChange={(event) => setName(event.target.value)}
                placeholder="Default routing"
                data-testid="oms-rule-set-name"
              />
            </Field>
            <Field label="Sales channel">
              <OptionSelect
                value={channel}
                options={[
                  { value: ALL_CHANNELS, label: "All channels" },
                  ...(channels.data?.sales_channels ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
                onChange={setChannel}
                testId="oms-rule-set-channel"
              />
            </Field>
          </div>
        )}
        <div className="flex flex-col gap-y-3">
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus">
              Rules
            </Label>
            <Hint>
              Filters remove locations that may not ship the order; ranks order the rest. Rules apply from the top.
            </Hint>
          </div>
          {rules.length === 0 ? (
            <Text size="small" className="text-ui-fg-subtle">
              No rules: every location may ship, in location order.
            </Text>
          ) : (
            <ol className="flex flex-col gap-y-2" data-testid="oms-rule-list">
              {rules.map((rule, index) => (
                <RuleRow
                  key={`${index}-${rule.kind}-${rule.type}`}
                  rule={rule}
                  index={index}
                  count={rules.length}
                  error={
                    conditionError?.rule === index && serverError ? { message: serverError, row: conditionError.row } : null
                  }
                  onMove={(to) => setRules((current) => move(current, index, to))}
                  onRemove={() => setRules((current) => current.filter((_, k) => k !== index))}
                  onChange={(changed) =>
                    setRules((current) => current.map((existing, k) => (k === index ? changed : existing)))
                  }
                />
              ))}
            </ol>
          )}
          <AddRule onAdd={(rule) => setRules((current) => [...current, toEditorRule(rule)])} />
        </div>
        <div className="grid grid-cols-2 gap-4">
          <Field label="Split policy">
            <OptionSelect
              value={split.type}
              options={SPLIT_TYPES}
              onChange={(value) => setSplit((current) => ({ ...current, type: value as SplitPolicy["type"] }))}
              testId="oms-rule-set-split"
            />
            {split.type === "max_shipments" && (
              <Input
                type="number"
                size="small"
                min={1}
                step={1}
                aria-label="Most shipments"
                value={split.max}
                onChange={(event) => setSplit((current) => ({ ...current, max: event.target.value }))}
                data-testid="oms-rule-set-split-max"
              />
            )}
            {split.type === "min_shipment_value" && (
              <Input
                type="number"
                size="small"
                min={0}
                step="any"
                aria-label="Minimum shipment value"
                value={split.min_value}
                onChange={(event) => setSplit((current) => ({ ...current, min_value: event.target.value }))}
                data-testid="oms-rule-set-split-min-value"
              />
            )}
          </Field>
          <Field label="When units cannot be placed">
            <OptionSelect
              value={partial}
              options={PARTIAL_POLICIES}
              onChange={(value) => setPartial(value as PartialPolicy)}
              testId="oms-rule-set-partial"
            />
          </Field>
        </div>
        {serverError && (
          <Hint variant="error" data-testid="oms-rule-set-error">
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
        <Button size="small" type="submit" isLoading={isPending} data-testid="oms-rule-set-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** Drawer that creates a draft rule set or edits one; open while `target` is set. */
export const RuleSetEditor = ({ target, onClose }: { target: RuleSetEditorTarget | null; onClose: () => void }) => {
  // Keep showing the last form while the drawer animates closed.
  const [shown, setShown] = useState<RuleSetEditorTarget | null>(target)
  // Each opening starts a fresh form.
  const [opened, setOpened] = useState(0)
  useEffect(() => {
    if (target) {
      setShown(target)
      setOpened((count) => count + 1)
    }
  }, [target])
  const current = target ?? shown

  return (
    <Drawer open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>{current && <RuleSetForm key={opened} target={current} onSaved={onClose} />}</Drawer.Content>
    </Drawer>
  )
}
