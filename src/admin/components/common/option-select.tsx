import { Select } from "@medusajs/ui"

export type Option = { value: string; label: string }

/** A small @medusajs/ui Select over a list of options; the test id sits on the trigger. */
export const OptionSelect = ({
  value,
  options,
  onChange,
  testId,
  placeholder,
}: {
  value: string
  options: Option[]
  onChange: (value: string) => void
  testId: string
  /** Shown while `value` is "" (nothing chosen yet). */
  placeholder?: string
}) => (
  // Radix reports "" when the options change under a chosen value (no option can be ""): ignore it,
  // or a stale handler would undo the change that replaced the options.
  <Select size="small" value={value} onValueChange={(next) => next !== "" && onChange(next)}>
    <Select.Trigger data-testid={testId}>
      <Select.Value placeholder={placeholder} />
    </Select.Trigger>
    <Select.Content>
      {options.map((option) => (
        <Select.Item key={option.value} value={option.value}>
          {option.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
