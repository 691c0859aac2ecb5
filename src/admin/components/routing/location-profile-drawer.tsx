import { Button, Drawer, Hint, Input, Label, Switch, toast } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"
import { useUpdateLocationProfile } from "../../hooks/routing/locations"
import { errorMessage, formatPlace } from "../../lib/format"
import type { AdminUpdateLocationProfilePayload as LocationProfileUpdate, AdminOmsLocation as OmsLocation } from "../../../types/routing"
import { Field } from "../common/field"

/** The form's fields as typed: strings until saved, so a person can clear a field. */
type ProfileForm = {
  active: boolean
  priority: string
  markets: string
  daily_capacity: string
  safety_stock: string
  latitude: string
  longitude: string
}

const toForm = (location: OmsLocation): ProfileForm => {
  const { profile } = location
  const text = (value: number | null) => (value === null ? "" : String(value))
  return {
    active: profile.active,
    priority: String(profile.priority),
    markets: profile.markets.join(", "),
    daily_capacity: text(profile.daily_capacity),
    safety_stock: String(profile.safety_stock),
    latitude: text(profile.latitude),
    longitude: text(profile.longitude),
  }
}

/** An empty field is null; anything else goes to the server as typed, which validates it. */
const toNumber = (value: string): number | null => (value.trim() === "" ? null : Number(value))

const toUpdate = (form: ProfileForm): LocationProfileUpdate => {
  const update: LocationProfileUpdate = {
    active: form.active,
    markets: form.markets
      .split(/[\s,;]+/)
      .map((code) => code.trim())
      .filter(Boolean),
    daily_capacity: toNumber(form.daily_capacity),
    latitude: toNumber(form.latitude),
    longitude: toNumber(form.longitude),
  }
  const priority = toNumber(form.priority)
  if (priority !== null) update.priority = priority
  const safetyStock = toNumber(form.safety_stock)
  if (safetyStock !== null) update.safety_stock = safetyStock
  return update
}

/** The form for one location; mounted fresh each time the drawer opens. */
const ProfileForm = ({ location, onSaved }: { location: OmsLocation; onSaved: () => void }) => {
  const ids = useId()
  const [form, setForm] = useState<ProfileForm>(() => toForm(location))
  const [serverError, setServerError] = useState<string | null>(null)
  const { mutateAsync, isPending } = useUpdateLocationProfile()

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }))

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setServerError(null)
    try {
      await mutateAsync({ id: location.id, update: toUpdate(form) })
      toast.success(`Routing profile of ${location.name} saved`)
      onSaved()
    } catch (error) {
      const message = errorMessage(error)
      setServerError(message)
      toast.error(`Could not save ${location.name}`, { description: message })
    }
  }

  const input = (key: Exclude<keyof ProfileForm, "active">) => ({
    id: `${ids}-${key}`,
    value: form[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, event.target.value),
    size: "small" as const,
  })

  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-1 flex-col overflow-hidden"
      data-testid="oms-profile-form"
      noValidate
    >
      <Drawer.Header>
        <Drawer.Title asChild>
          <h2 className="txt-compact-large-plus text-ui-fg-base">Edit routing profile</h2>
        </Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          {location.name} · {formatPlace(location.address)}
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor={`${ids}-active`} size="small" weight="plus">
              Active
            </Label>
            <Hint>Inactive locations are never chosen for new orders.</Hint>
          </div>
          <Switch
            id={`${ids}-active`}
            checked={form.active}
            onCheckedChange={(checked) => set("active", checked)}
            data-testid="oms-profile-active"
          />
        </div>
        <div className="grid grid-cols-2 gap-4">
          <Field id={`${ids}-priority`} label="Priority" hint="0 to 1000. Ranks locations when other rules tie.">
            <Input type="number" min={0} max={1000} step={1} {...input("priority")} data-testid="oms-profile-priority" />
          </Field>
          <Field id={`${ids}-safety_stock`} label="Safety stock" hint="Units per item kept back from orders.">
            <Input type="number" min={0} step={1} {...input("safety_stock")} data-testid="oms-profile-safety-stock" />
          </Field>
        </div>
        <Field
          id={`${ids}-markets`}
          label="Markets"
          hint="Two-letter country codes separated by commas, such as US, CA. Empty ships to all markets."
        >
          <Input placeholder="All markets" {...input("markets")} data-testid="oms-profile-markets" />
        </Field>
        <Field id={`${ids}-daily_capacity`} label="Daily capacity" hint="Orders per day. Empty means no limit.">
          <Input
            type="number"
            min={1}
            step={1}
            placeholder="No limit"
            {...input("daily_capacity")}
            data-testid="oms-profile-daily-capacity"
          />
        </Field>
        <div className="flex flex-col gap-y-2">
          <div className="grid grid-cols-2 gap-4">
            <Field id={`${ids}-latitude`} label="Latitude">
              <Input type="number" step="any" min={-90} max={90} {...input("latitude")} data-testid="oms-profile-latitude" />
            </Field>
            <Field id={`${ids}-longitude`} label="Longitude">
              <Input
                type="number"
                step="any"
                min={-180}
                max={180}
                {...input("longitude")}
                data-testid="oms-profile-longitude"
              />
            </Field>
          </div>
          <Hint>Both or neither. When empty, the location is placed by its address.</Hint>
        </div>
        {serverError && (
          <Hint variant="error" data-testid="oms-profile-error">
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
        <Button size="small" type="submit" isLoading={isPending} data-testid="oms-profile-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** Drawer that edits one location's routing profile; open while `location` is set. */
export const LocationProfileDrawer = ({
  location,
  onClose,
}: {
  location: OmsLocation | null
  onClose: () => void
}) => {
  // Keep showing the last location while the drawer animates closed.
  const [shown, setShown] = useState<OmsLocation | null>(location)
  useEffect(() => {
    if (location) setShown(location)
  }, [location])
  const current = location ?? shown

  return (
    <Drawer open={location !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>{current && <ProfileForm key={current.id} location={current} onSaved={onClose} />}</Drawer.Content>
    </Drawer>
  )
}
