import { Plus, Trash } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Text } from "@medusajs/ui"
import { describe } from "../../../lib/rules/explain"
import {
  CONDITION_FIELDS,
  type ConditionField,
  type ConditionForm,
  type ConditionOperator,
  type ConditionRow,
  newConditionRow,
  operatorsFor,
  withField,
} from "../../lib/routing/conditions"
import { OptionSelect } from "../common/option-select"

const placeholderOf = (field: ConditionField) => CONDITION_FIELDS.find((entry) => entry.value === field)?.placeholder

const RowEditor = ({
  row,
  testId,
  invalid,
  onChange,
  onRemove,
}: {
  row: ConditionRow
  testId: string
  invalid: boolean
  onChange: (row: ConditionRow) => void
  onRemove: () => void
}) => (
  <li className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.2fr)_auto] items-center gap-2" data-testid={testId}>
    <OptionSelect
      value={row.field}
      options={CONDITION_FIELDS}
      onChange={(value) => onChange(withField(row, value as ConditionField))}
      testId={`${testId}-field`}
    />
    <OptionSelect
      value={row.operator}
      options={operatorsFor(row.field)}
      onChange={(value) => onChange({ ...row, operator: value as ConditionOperator })}
      testId={`${testId}-operator`}
    />
    {row.operator === "between" ? (
      <div className="flex items-center gap-x-1">
        <Input
          size="small"
          type="number"
          aria-label="From"
          aria-invalid={invalid}
          value={row.value}
          onChange={(event) => onChange({ ...row, value: event.target.value })}
          data-testid={`${testId}-value`}
        />
        <Text size="xsmall" className="text-ui-fg-muted">
          and
        </Text>
        <Input
          size="small"
          type="number"
          aria-label="To"
          aria-invalid={invalid}
          value={row.max}
          onChange={(event) => onChange({ ...row, max: event.target.value })}
          data-testid={`${testId}-max`}
        />
      </div>
    ) : (
      <Input
        size="small"
        type={row.field === "order_value" ? "number" : "text"}
        aria-label="Values"
        aria-invalid={invalid}
        placeholder={placeholderOf(row.field)}
        value={row.value}
        onChange={(event) => onChange({ ...row, value: event.target.value })}
        data-testid={`${testId}-value`}
      />
    )}
    <IconButton size="small" variant="transparent" type="button" aria-label="Remove condition" onClick={onRemove}>
      <Trash />
    </IconButton>
  </li>
)

/**
 * The conditions of one rule: it applies only to orders for which all of them hold. Lists are
 * comma-separated. `error` is the server's message when it refused one of them.
 */
export const RuleConditions = ({
  form,
  ruleIndex,
  error,
  errorRow,
  onChange,
}: {
  form: ConditionForm
  ruleIndex: number
  error: string | null
  errorRow: number | null
  onChange: (form: ConditionForm) => void
}) => {
  const testId = `oms-rule-conditions-${ruleIndex}`
  const add = () => onChange({ rows: [...form.rows, newConditionRow()], advanced: null })

  return (
    <div className="flex flex-col gap-y-2 pt-2" data-testid={testId}>
      {form.advanced ? (
        <div className="flex items-start justify-between gap-x-2">
          <Text size="xsmall" className="text-ui-fg-subtle">
            Applies when {describe(form.advanced)}.
          </Text>
          <Button size="small" variant="transparent" type="button" onClick={() => onChange({ rows: [], advanced: null })}>
            Clear
          </Button>
        </div>
      ) : (
        form.rows.length > 0 && (
          <>
            <Text size="xsmall" className="text-ui-fg-subtle">
              Applies only when {form.rows.length > 1 ? "all of these hold" : "this holds"}:
            </Text>
            <ul className="flex flex-col gap-y-2">
              {form.rows.map((row, index) => (
                <RowEditor
                  key={index}
                  row={row}
                  testId={`${testId}-${index}`}
                  invalid={error !== null && (errorRow === null || errorRow === index)}
                  onChange={(changed) =>
                    onChange({ rows: form.rows.map((existing, k) => (k === index ? changed : existing)), advanced: null })
                  }
                  onRemove={() => onChange({ rows: form.rows.filter((_, k) => k !== index), advanced: null })}
                />
              ))}
            </ul>
          </>
        )
      )}
      {error && (
        <Hint variant="error" data-testid={`${testId}-error`}>
          {error}
        </Hint>
      )}
      {!form.advanced && (
        <Button
          size="small"
          variant="transparent"
          type="button"
          className="text-ui-fg-interactive self-start px-0"
          onClick={add}
          data-testid={`${testId}-add`}
        >
          <Plus />
          {form.rows.length ? "Add condition" : "Only for some orders…"}
        </Button>
      )}
    </div>
  )
}
