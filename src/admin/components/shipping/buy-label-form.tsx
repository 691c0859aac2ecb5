import { Badge, Button, Hint, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useCarrierAccounts } from "../../hooks/shipping/carrier-accounts"
import { useBuyLabel, useLabelRates } from "../../hooks/shipping/labels"
import { errorMessage } from "../../lib/format"
import type { LabelSize, LabelView } from "../../../types/shipping"
import { Field } from "../common/field"
import { OptionSelect } from "../common/option-select"
import { formatMoney, LABEL_SIZES } from "./display"

/** A fulfillment of the order as the order page has it. */
export type FulfillmentChoice = { id: string; canceled_at?: unknown; shipped_at?: unknown; location_id?: string | null }

const RATE_SHOP = "rate-shop"

/** What the account quotes for the chosen fulfillment, cheapest first, and why rate shopping picks its first. */
const Rates = ({
  orderId,
  fulfillmentId,
  accountId,
  service,
  onChoose,
}: {
  orderId: string
  fulfillmentId: string
  accountId: string
  service: string
  onChoose: (code: string) => void
}) => {
  const { data, isPending, isError, error } = useLabelRates(orderId, fulfillmentId, accountId)
  if (isPending) return <Text size="xsmall" className="text-ui-fg-subtle">Asking the carrier for rates…</Text>
  if (isError)
    return (
      <Hint variant="error" data-testid="buy-label-rates-error">
        {errorMessage(error)}
      </Hint>
    )
  if (!data.rates.length) return <Hint>The carrier quoted nothing for this parcel.</Hint>
  return (
    <div className="flex flex-col gap-y-2" data-testid="buy-label-rates">
      <div className="flex flex-col gap-y-0.5" data-testid="buy-label-rate-shop-trace">
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="buy-label-rate-shop">
          Rate shop: {data.rate_shop.trace.decision}
        </Text>
        {data.rate_shop.trace.notes.map((note) => (
          <Text key={note} size="xsmall" className="text-ui-fg-muted">
            {note}
          </Text>
        ))}
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Service</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Days</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Price</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data.rates.map((rate) => {
            const chosen = service === rate.service_code || (service === RATE_SHOP && data.rate_shop.service_code === rate.service_code)
            return (
              <Table.Row
                key={rate.service_code}
                className={chosen ? "bg-ui-bg-highlight cursor-pointer" : "cursor-pointer"}
                onClick={() => onChoose(rate.service_code)}
                data-testid={`buy-label-rate-${rate.service_code}`}
                data-chosen={String(chosen)}
              >
                <Table.Cell className="py-2">
                  <div className="flex items-center gap-x-2">
                    <Text size="small">{rate.service_name}</Text>
                    {data.rate_shop.service_code === rate.service_code && (
                      <Badge size="2xsmall" color="green">
                        Rate shop pick
                      </Badge>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">{rate.days ?? "-"}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatMoney(rate.amount, rate.currency_code)}</Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}

/**
 * Buys a label for one of the order's fulfillments that has none: an account, a service or
 * rate shopping (the cheapest quote), and the paper. The rates show before anything is bought.
 */
export const BuyLabelForm = ({
  orderId,
  fulfillments,
  labels,
  fixedFulfillmentId,
  onBought,
}: {
  orderId: string
  fulfillments: FulfillmentChoice[]
  labels: LabelView[]
  /** Buy for this fulfillment only (the pack page's parcel). */
  fixedFulfillmentId?: string
  onBought?: (label: LabelView) => void
}) => {
  const accounts = useCarrierAccounts()
  const buy = useBuyLabel(orderId)
  const active = useMemo(() => (accounts.data?.carrier_accounts ?? []).filter((a) => a.active), [accounts.data])
  const labelled = useMemo(
    () =>
      new Set(
        labels.filter((l) => l.kind === "outbound" && ["purchased", "pending", "unknown"].includes(l.status)).map((l) => l.fulfillment_id)
      ),
    [labels]
  )
  const candidates = fulfillments.filter(
    (f) => !f.canceled_at && !f.shipped_at && !labelled.has(f.id) && (!fixedFulfillmentId || f.id === fixedFulfillmentId)
  )
  const [fulfillmentId, setFulfillmentId] = useState("")
  const [accountId, setAccountId] = useState("")
  const [service, setService] = useState(RATE_SHOP)
  const [size, setSize] = useState<LabelSize>("4x6")
  const [serverError, setServerError] = useState<string | null>(null)

  // Choose the first fulfillment and account once they are known (and again if a choice goes away).
  useEffect(() => {
    if (!candidates.some((f) => f.id === fulfillmentId)) setFulfillmentId(candidates[0]?.id ?? "")
  }, [candidates, fulfillmentId])
  useEffect(() => {
    if (!active.some((a) => a.id === accountId)) setAccountId(active[0]?.id ?? "")
  }, [active, accountId])
  const account = active.find((a) => a.id === accountId)
  useEffect(() => setService(RATE_SHOP), [accountId])

  if (accounts.isPending) return null
  if (!candidates.length) return null
  if (!active.length) {
    return (
      <Hint data-testid="buy-label-no-account">
        No active carrier account. Add one on the Carriers page (the offline carrier needs no credentials) to buy labels.
      </Hint>
    )
  }

  const onBuy = async () => {
    setServerError(null)
    try {
      const { label } = await buy.mutateAsync({
        fulfillment_id: fulfillmentId,
        carrier_account_id: accountId,
        service_code: service === RATE_SHOP ? null : service,
        size,
      })
      toast.success("Label bought", { description: label.tracking_numbers.join(", ") })
      onBought?.(label)
    } catch (error) {
      setServerError(errorMessage(error))
    }
  }

  return (
    <div className="flex flex-col gap-y-4" data-testid="buy-label-form">
      {!fixedFulfillmentId && (
        <Text size="small" weight="plus" className="text-ui-fg-base">
          Buy a label
        </Text>
      )}
      <div className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {!fixedFulfillmentId && (
          <Field label="Fulfillment">
            <OptionSelect
              value={fulfillmentId}
              options={candidates.map((f) => ({ value: f.id, label: f.id }))}
              onChange={setFulfillmentId}
              testId="buy-label-fulfillment"
            />
          </Field>
        )}
        <Field label="Carrier account">
          <OptionSelect
            value={accountId}
            options={active.map((a) => ({ value: a.id, label: a.name }))}
            onChange={setAccountId}
            testId="buy-label-account"
          />
        </Field>
        <Field label="Service">
          <OptionSelect
            value={service}
            options={[
              { value: RATE_SHOP, label: "Rate shop (cheapest)" },
              ...(account?.services ?? []).map((s) => ({ value: s.code, label: s.name })),
              // A quote chosen from the rates that the account does not list as a service.
              ...(service !== RATE_SHOP && !(account?.services ?? []).some((s) => s.code === service) ? [{ value: service, label: service }] : []),
            ]}
            onChange={setService}
            testId="buy-label-service"
          />
        </Field>
        <Field label="Paper">
          <OptionSelect
            value={size}
            options={LABEL_SIZES.map((s) => ({ value: s.value, label: s.label }))}
            onChange={(value) => setSize(value as LabelSize)}
            testId="buy-label-size"
          />
        </Field>
      </div>
      {fulfillmentId && accountId && (
        <Rates orderId={orderId} fulfillmentId={fulfillmentId} accountId={accountId} service={service} onChoose={setService} />
      )}
      {serverError && (
        <Hint variant="error" data-testid="buy-label-error">
          {serverError}
        </Hint>
      )}
      <div className="flex justify-end">
        <Button size="small" onClick={onBuy} isLoading={buy.isPending} disabled={!fulfillmentId || !accountId} data-testid="buy-label-submit">
          Buy label
        </Button>
      </div>
    </div>
  )
}
