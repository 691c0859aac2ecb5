import { Badge, Button, Drawer, Label, Switch, Text } from "@medusajs/ui"
import { useEffect, useId, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { useOmsLocations } from "../../hooks/routing/locations"
import { useShadowResults } from "../../hooks/routing/shadow"
import { formatCount, formatDateTime, formatPercent } from "../../lib/format"
import type { ReplaySide, AdminRuleSet as RuleSet, AdminShadowResult as ShadowResult } from "../../../types/routing"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"

const PAGE_SIZE = 20

const sideText = (side: ReplaySide, name: (id: string) => string) => {
  const places = side.locations.length ? side.locations.map(name).join(" + ") : "nowhere"
  const parts = [places, `${formatCount(side.shipments)} ${side.shipments === 1 ? "shipment" : "shipments"}`]
  parts.push(`${formatCount(Math.round(side.km))} km`)
  if (side.unallocated_units) parts.push(`${formatCount(side.unallocated_units)} not placed`)
  return parts.join(" · ")
}

const Stat = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div className="flex flex-col gap-y-1 rounded-lg border px-3 py-2">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" data-testid={testId}>
      {value}
    </Text>
  </div>
)

const ResultItem = ({ result, name }: { result: ShadowResult; name: (id: string) => string }) => (
  <li className="flex flex-col gap-y-1 px-6 py-3" data-testid="oms-shadow-result" data-agrees={result.agrees}>
    <div className="flex items-center justify-between gap-x-3">
      <Link
        to={`/orders/${result.order_id}`}
        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
      >
        {result.display_id ? `#${result.display_id}` : result.order_id}
      </Link>
      <div className="flex items-center gap-x-2">
        {result.agrees ? (
          <Badge size="2xsmall" color="green">
            Agrees
          </Badge>
        ) : (
          <Badge size="2xsmall" color="orange">
            Disagrees
          </Badge>
        )}
        <Text size="xsmall" className="text-ui-fg-muted whitespace-nowrap">
          {formatDateTime(result.updated_at ?? result.created_at)}
        </Text>
      </div>
    </div>
    {result.changes && (
      <Text size="small" className="text-ui-fg-base" data-testid="oms-shadow-result-changes">
        {result.changes}
      </Text>
    )}
    <Text size="xsmall" className="text-ui-fg-subtle">
      <span className="text-ui-fg-muted">Live: </span>
      {sideText(result.live, name)}
    </Text>
    <Text size="xsmall" className="text-ui-fg-subtle">
      <span className="text-ui-fg-muted">Shadow: </span>
      {sideText(result.shadow, name)}
    </Text>
  </li>
)

const ShadowResults = ({ ruleSet }: { ruleSet: RuleSet }) => {
  const ids = useId()
  const [disagreementsOnly, setDisagreementsOnly] = useState(true)
  const [offset, setOffset] = useState(0)
  const { data, isPending, isError, error, refetch } = useShadowResults(ruleSet.id, {
    disagreementsOnly,
    limit: PAGE_SIZE,
    offset,
  })
  const locations = useOmsLocations()
  const names = useMemo(
    () => new Map((locations.data?.locations ?? []).map((location) => [location.id, location.name])),
    [locations.data]
  )
  const name = (id: string) => names.get(id) ?? id
  const planned = data?.planned ?? ruleSet.shadow_stats?.planned ?? 0
  const disagreements = data?.disagreements ?? ruleSet.shadow_stats?.disagreements ?? 0
  const results = data?.results ?? []

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-0 overflow-y-auto p-0">
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <div className="grid grid-cols-3 gap-3">
            <Stat label="Orders planned" value={formatCount(planned)} testId="oms-shadow-planned" />
            <Stat label="Disagreements" value={formatCount(disagreements)} testId="oms-shadow-disagreements" />
            <Stat
              label="Agreement"
              value={planned ? formatPercent((planned - disagreements) / planned) : "-"}
              testId="oms-shadow-agreement"
            />
          </div>
          <div className="flex items-center gap-x-2">
            <Switch
              id={`${ids}-only`}
              checked={disagreementsOnly}
              onCheckedChange={(value) => {
                setDisagreementsOnly(value)
                setOffset(0)
              }}
              data-testid="oms-shadow-disagreements-only"
            />
            <Label htmlFor={`${ids}-only`} size="small">
              Only orders where the draft disagrees
            </Label>
          </div>
        </div>
        <div className="border-t">
          {isPending ? (
            <SectionLoading />
          ) : isError ? (
            <SectionError error={error} onRetry={() => refetch()} />
          ) : results.length === 0 ? (
            <SectionEmpty>
              {planned === 0
                ? ruleSet.shadow
                  ? "No orders yet: every new order will be planned with this draft too."
                  : "This draft has not run in shadow. Start shadow mode to plan new orders with it."
                : disagreementsOnly
                  ? "The draft agrees with the live rules on every order so far."
                  : "No orders."}
            </SectionEmpty>
          ) : (
            <ul className="divide-y" data-testid="oms-shadow-results">
              {results.map((result) => (
                <ResultItem key={`${result.order_id}-${result.created_at}`} result={result} name={name} />
              ))}
            </ul>
          )}
        </div>
      </Drawer.Body>
      <Drawer.Footer className="justify-between">
        <Text size="small" className="text-ui-fg-subtle">
          {data && data.count > 0
            ? `${formatCount(offset + 1)} – ${formatCount(offset + results.length)} of ${formatCount(data.count)}`
            : ""}
        </Text>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Prev
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={!data || offset + PAGE_SIZE >= data.count}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            Next
          </Button>
        </div>
      </Drawer.Footer>
    </>
  )
}

/** Drawer with a draft's shadow evidence: counts, and the orders where it disagrees with the live rules. */
export const ShadowResultsDrawer = ({ ruleSet, onClose }: { ruleSet: RuleSet | null; onClose: () => void }) => {
  // Keep showing the last rule set while the drawer animates closed.
  const [shown, setShown] = useState<RuleSet | null>(ruleSet)
  useEffect(() => {
    if (ruleSet) setShown(ruleSet)
  }, [ruleSet])
  const current = ruleSet ?? shown

  return (
    <Drawer open={ruleSet !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="oms-shadow-drawer">
        {current && (
          <>
            <Drawer.Header>
              <Drawer.Title asChild>
                <h2 className="txt-compact-large-plus text-ui-fg-base">
                  Shadow: {current.name} v{current.version}
                </h2>
              </Drawer.Title>
              <Drawer.Description className="text-ui-fg-subtle txt-small">
                {current.shadow
                  ? "Every new order is also planned with this draft. Nothing it plans is reserved or shipped."
                  : "Shadow mode is off: what the draft planned while it was on stays here."}
              </Drawer.Description>
            </Drawer.Header>
            <ShadowResults key={current.id} ruleSet={current} />
          </>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
