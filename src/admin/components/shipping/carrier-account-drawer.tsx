import { Badge, Button, Drawer, Hint, Input, Label, Switch, Textarea, toast } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"
import { useCreateCarrierAccount, useUpdateCarrierAccount } from "../../hooks/shipping/carrier-accounts"
import { errorMessage } from "../../lib/format"
import type {
  CarrierCode,
  AdminCreateCarrierAccountPayload as CreateAccount,
  PublicCarrierAccount,
  AdminUpdateCarrierAccountPayload as UpdateAccount,
} from "../../../types/shipping"
import { Field } from "../common/field"
import { OptionSelect } from "../common/option-select"
import { CARRIER_OPTIONS, carrierName, OFFLINE_SERVICES, parseServices, SECRET_FIELDS, servicesText } from "./display"

/** What the drawer edits: an account, or a new one. */
export type AccountTarget = { mode: "create" } | { mode: "edit"; account: PublicCarrierAccount }

type AccountForm = {
  carrier: CarrierCode
  name: string
  base_url: string
  services: string
  settings: string
  /** Typed secrets; "" = keep what is stored (or none on a new account). */
  secrets: Record<string, string>
  webhook_secret: string
  active: boolean
}

const toForm = (target: AccountTarget): AccountForm =>
  target.mode === "edit"
    ? {
        carrier: target.account.carrier,
        name: target.account.name,
        base_url: target.account.base_url ?? "",
        services: servicesText(target.account.services),
        settings: Object.keys(target.account.settings).length ? JSON.stringify(target.account.settings, null, 2) : "",
        secrets: {},
        webhook_secret: "",
        active: target.account.active,
      }
    : {
        carrier: "offline",
        name: "Offline carrier",
        base_url: "",
        services: servicesText(OFFLINE_SERVICES),
        settings: "",
        secrets: {},
        webhook_secret: "",
        active: true,
      }

/**
 * The request body, or the sentence that says why there is none. Secrets go only when typed;
 * since stored secrets cannot be read back, changing one of several means typing them all
 * (the server replaces the whole set).
 */
const toBody = (form: AccountForm, target: AccountTarget): { body: CreateAccount | UpdateAccount } | { problem: string } => {
  let settings: Record<string, unknown> | undefined
  if (form.settings.trim()) {
    try {
      settings = JSON.parse(form.settings)
    } catch {
      return { problem: "Settings must be a JSON object, e.g. { \"carrier_id\": \"se-123\" }, or empty" }
    }
  }
  const fields = SECRET_FIELDS[form.carrier]
  const typed = fields.filter((f) => (form.secrets[f.name] ?? "").trim() !== "")
  if (typed.length && typed.length < fields.length && target.mode === "edit") {
    return { problem: `Type every secret (${fields.map((f) => f.label).join(", ")}) to change any of them; leave them all blank to keep them` }
  }
  const body: UpdateAccount = {
    name: form.name,
    base_url: form.base_url.trim() === "" ? null : form.base_url.trim(),
    services: parseServices(form.services),
    active: form.active,
    ...(settings !== undefined ? { settings } : {}),
    ...(typed.length ? { secrets: Object.fromEntries(typed.map((f) => [f.name, form.secrets[f.name].trim()])) } : {}),
    ...(form.webhook_secret.trim() ? { webhook_secret: form.webhook_secret.trim() } : {}),
  }
  if (target.mode === "create") return { body: { ...body, carrier: form.carrier, name: form.name, ...(typed.length ? {} : { secrets: {} }) } }
  return { body }
}

/** A secret's state: "Set" when stored (its value is never shown), else "Not set". */
const SetBadge = ({ set, testId }: { set: boolean; testId: string }) => (
  <Badge size="2xsmall" color={set ? "green" : "grey"} data-testid={testId} data-set={String(set)}>
    {set ? "Set" : "Not set"}
  </Badge>
)

const AccountForm = ({ target, onSaved }: { target: AccountTarget; onSaved: () => void }) => {
  const ids = useId()
  const [form, setForm] = useState<AccountForm>(() => toForm(target))
  const [serverError, setServerError] = useState<string | null>(null)
  const create = useCreateCarrierAccount()
  const update = useUpdateCarrierAccount()
  const isPending = create.isPending || update.isPending
  const editing = target.mode === "edit" ? target.account : null

  const set = <K extends keyof AccountForm>(key: K, value: AccountForm[K]) => setForm((current) => ({ ...current, [key]: value }))
  const chooseCarrier = (carrier: CarrierCode) =>
    setForm((current) => ({
      ...current,
      carrier,
      // A new account starts named after its carrier, with the offline carrier's own services.
      name: current.name === carrierName(current.carrier) ? carrierName(carrier) : current.name,
      services:
        carrier === "offline"
          ? current.services.trim() || servicesText(OFFLINE_SERVICES)
          : current.services === servicesText(OFFLINE_SERVICES)
            ? ""
            : current.services,
      secrets: {},
    }))

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setServerError(null)
    const made = toBody(form, target)
    if ("problem" in made) {
      setServerError(made.problem)
      return
    }
    try {
      if (editing) await update.mutateAsync({ id: editing.id, update: made.body })
      else await create.mutateAsync(made.body as CreateAccount)
      toast.success(`Carrier account ${form.name} saved`)
      onSaved()
    } catch (error) {
      setServerError(errorMessage(error))
    }
  }

  const secretFields = SECRET_FIELDS[form.carrier]

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" data-testid="carrier-account-form" noValidate>
      <Drawer.Header>
        <Drawer.Title asChild>
          <h2 className="txt-compact-large-plus text-ui-fg-base">{editing ? `Edit ${editing.name}` : "Add carrier account"}</h2>
        </Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          Secrets are write-only: once saved they are never shown again, only whether they are set.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Field label="Carrier" hint={editing ? "An account's carrier cannot change; add another account instead." : undefined}>
          {editing ? (
            <Input size="small" value={carrierName(editing.carrier)} disabled data-testid="carrier-account-carrier-fixed" />
          ) : (
            <OptionSelect
              value={form.carrier}
              options={CARRIER_OPTIONS}
              onChange={(value) => chooseCarrier(value as CarrierCode)}
              testId="carrier-account-carrier"
            />
          )}
        </Field>
        <Field id={`${ids}-name`} label="Name">
          <Input id={`${ids}-name`} size="small" value={form.name} onChange={(e) => set("name", e.target.value)} data-testid="carrier-account-name" />
        </Field>
        <Field
          id={`${ids}-base_url`}
          label="Base URL"
          optional
          hint={form.carrier === "offline" ? "The offline carrier runs inside the server; it needs none." : "Sandbox or production API; empty uses the carrier's production URL."}
        >
          <Input
            id={`${ids}-base_url`}
            size="small"
            placeholder="https://"
            value={form.base_url}
            onChange={(e) => set("base_url", e.target.value)}
            data-testid="carrier-account-base-url"
          />
        </Field>
        <Field id={`${ids}-services`} label="Services" hint="One a line, as code: name. Each becomes a shipping option, beside “rate shop”.">
          <Textarea
            id={`${ids}-services`}
            rows={4}
            className="font-mono"
            value={form.services}
            onChange={(e) => set("services", e.target.value)}
            data-testid="carrier-account-services"
          />
        </Field>
        {secretFields.map((secret) => (
          <Field
            key={secret.name}
            id={`${ids}-secret-${secret.name}`}
            label={secret.label}
            hint={editing ? "Leave blank to keep the stored value." : undefined}
          >
            <div className="flex items-center gap-x-2">
              <Input
                id={`${ids}-secret-${secret.name}`}
                type="password"
                autoComplete="new-password"
                size="small"
                className="flex-1"
                value={form.secrets[secret.name] ?? ""}
                onChange={(e) => set("secrets", { ...form.secrets, [secret.name]: e.target.value })}
                data-testid={`carrier-account-secret-${secret.name}`}
              />
              {editing && <SetBadge set={editing.secrets_set.includes(secret.name)} testId={`carrier-account-secret-${secret.name}-set`} />}
            </div>
          </Field>
        ))}
        <Field
          id={`${ids}-webhook`}
          label="Webhook secret"
          optional
          hint={
            editing
              ? "Leave blank to keep the stored value. Tracking webhooks are verified with it."
              : "Tracking webhooks are verified with it; the offline carrier signs its tracking playback with it."
          }
        >
          <div className="flex items-center gap-x-2">
            <Input
              id={`${ids}-webhook`}
              type="password"
              autoComplete="new-password"
              size="small"
              className="flex-1"
              value={form.webhook_secret}
              onChange={(e) => set("webhook_secret", e.target.value)}
              data-testid="carrier-account-webhook-secret"
            />
            {editing && <SetBadge set={editing.webhook_secret_set} testId="carrier-account-webhook-secret-set" />}
          </div>
        </Field>
        <Field id={`${ids}-settings`} label="Settings" optional hint="JSON, for carrier settings that are not secret (ShipStation carrier_id, offline price list).">
          <Textarea
            id={`${ids}-settings`}
            rows={3}
            className="font-mono"
            placeholder="{}"
            value={form.settings}
            onChange={(e) => set("settings", e.target.value)}
            data-testid="carrier-account-settings"
          />
        </Field>
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor={`${ids}-active`} size="small" weight="plus">
              Active
            </Label>
            <Hint>A paused account buys no labels and offers no shipping options.</Hint>
          </div>
          <Switch id={`${ids}-active`} checked={form.active} onCheckedChange={(checked) => set("active", checked)} data-testid="carrier-account-active" />
        </div>
        {serverError && (
          <Hint variant="error" data-testid="carrier-account-error">
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
        <Button size="small" type="submit" isLoading={isPending} data-testid="carrier-account-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** Adds or edits a carrier account; open while `target` is set. */
export const CarrierAccountDrawer = ({ target, onClose }: { target: AccountTarget | null; onClose: () => void }) => {
  // Keep showing the last form while the drawer animates closed.
  const [shown, setShown] = useState<AccountTarget | null>(target)
  useEffect(() => {
    if (target) setShown(target)
  }, [target])
  const current = target ?? shown
  const key = current?.mode === "edit" ? current.account.id : "new"
  return (
    <Drawer open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>{current && <AccountForm key={key} target={current} onSaved={onClose} />}</Drawer.Content>
    </Drawer>
  )
}
