import { Hint, Label } from "@medusajs/ui"

/**
 * A labelled form field with an optional hint, as in Medusa's own forms. `id` ties the label to
 * its input; leave it out when the control labels itself (a Select's trigger, a radio group).
 */
export const Field = ({
  id,
  label,
  optional,
  hint,
  children,
}: {
  id?: string
  label: string
  optional?: boolean
  hint?: React.ReactNode
  children: React.ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {hint && <Hint>{hint}</Hint>}
  </div>
)

/** An empty field is left out; anything else goes to the server as typed, which validates it. */
export const optionalNumber = (value: string): number | undefined => (value.trim() === "" ? undefined : Number(value))
