import { Drawer, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { formatDateTime, isoString, sentenceCase } from "../../lib/format"
import type { AdminRuleSet as RuleSet, AdminRuleSetHistoryEntry as RuleSetHistoryEntry } from "../../../types/routing"

/** Older versions were saved before history was kept: say at least who created and activated them. */
const entriesOf = (ruleSet: RuleSet): RuleSetHistoryEntry[] => {
  const entries = ruleSet.history?.entries ?? []
  if (entries.length) return entries
  const known: RuleSetHistoryEntry[] = [
    {
      at: isoString(ruleSet.created_at),
      actor: ruleSet.created_by,
      actor_email: ruleSet.created_by_email,
      action: "created",
      summary: "",
    },
  ]
  if (ruleSet.activated_at) known.push({ at: isoString(ruleSet.activated_at), actor: null, action: "activated", summary: "" })
  if (ruleSet.archived_at) known.push({ at: isoString(ruleSet.archived_at), actor: null, action: "archived", summary: "" })
  return known
}

const who = (entry: RuleSetHistoryEntry) => entry.actor_email || entry.actor || "the system"

const ACTION_LABELS: Record<string, string> = { shadow_on: "Shadow mode on", shadow_off: "Shadow mode off" }
const actionLabel = (action: string) => ACTION_LABELS[action] ?? sentenceCase(action)

/** The summary unless it only repeats the action ("Activated" / "Activated"). */
const detail = (entry: RuleSetHistoryEntry) =>
  entry.summary && entry.summary.trim().toLowerCase() !== actionLabel(entry.action).toLowerCase() ? entry.summary : null

/** Who did what with one version, newest first. */
export const RuleSetHistoryDrawer = ({ ruleSet, onClose }: { ruleSet: RuleSet | null; onClose: () => void }) => {
  // Keep showing the last rule set while the drawer animates closed.
  const [shown, setShown] = useState<RuleSet | null>(ruleSet)
  useEffect(() => {
    if (ruleSet) setShown(ruleSet)
  }, [ruleSet])
  const current = ruleSet ?? shown
  const entries = current ? [...entriesOf(current)].reverse() : []

  return (
    <Drawer open={ruleSet !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="oms-rule-set-history">
        {current && (
          <>
            <Drawer.Header>
              <Drawer.Title asChild>
                <h2 className="txt-compact-large-plus text-ui-fg-base">
                  History of {current.name} v{current.version}
                </h2>
              </Drawer.Title>
              <Drawer.Description className="text-ui-fg-subtle txt-small">
                Who created, changed, activated and archived this version.
              </Drawer.Description>
            </Drawer.Header>
            <Drawer.Body className="overflow-y-auto">
              <ol className="flex flex-col gap-y-4">
                {entries.map((entry, index) => (
                  <li key={`${entry.at}-${index}`} className="flex gap-x-3" data-testid="oms-rule-set-history-entry">
                    <div className="flex flex-col items-center pt-1.5">
                      <span className="bg-ui-fg-muted size-2 shrink-0 rounded-full" />
                      {index < entries.length - 1 && <span className="bg-ui-border-base mt-1 w-px flex-1" />}
                    </div>
                    <div className="flex min-w-0 flex-1 flex-col gap-y-0.5 pb-1">
                      <div className="flex items-baseline justify-between gap-x-3">
                        <Text size="small" weight="plus">
                          {actionLabel(entry.action)}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-muted shrink-0" title={entry.at}>
                          {formatDateTime(entry.at)}
                        </Text>
                      </div>
                      <Text size="xsmall" className="text-ui-fg-subtle truncate" title={who(entry)}>
                        by {who(entry)}
                      </Text>
                      {detail(entry) && (
                        <Text size="small" className="text-ui-fg-subtle">
                          {detail(entry)}
                        </Text>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            </Drawer.Body>
          </>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
