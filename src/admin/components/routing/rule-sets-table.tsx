import {
  ArchiveBox,
  Beaker,
  CheckCircle,
  ClockSolid,
  EllipsisHorizontal,
  EyeMini,
  EyeSlashMini,
  ListBullet,
  PencilSquare,
  Plus,
  SquareTwoStack,
} from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  DropdownMenu,
  Heading,
  IconButton,
  StatusBadge,
  Table,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { type RuleSetAction, useRuleSetMutations, useRuleSets } from "../../hooks/routing/rule-sets"
import { useSalesChannelOptions, useUserOptions } from "../../hooks/common"
import { useSetShadow } from "../../hooks/routing/shadow"
import { errorMessage, formatCount, formatDateTime } from "../../lib/format"
import { RULE_SET_STATUS_DISPLAY, partialLabel, splitLabel, summarizeRules } from "../../lib/routing/rules"
import type { UserOption } from "../../lib/medusa-types"
import type { AdminRuleSet as RuleSet } from "../../../types/routing"
import { RuleSetHistoryDrawer } from "./rule-set-history-drawer"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import { ShadowResultsDrawer } from "./shadow-results-drawer"

const ACTION_WORDS: Record<RuleSetAction, { done: string; failed: string }> = {
  activate: { done: "activated", failed: "activate" },
  archive: { done: "archived", failed: "archive" },
  duplicate: { done: "duplicated", failed: "duplicate" },
}

const userName = (user: UserOption | undefined, id: string | null, email?: string | null): string => {
  if (!id) return "-"
  if (!user) return email || id
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ")
  return name || user.email
}

/** Who activated a version, from its history (the newest "activated" entry); null if unknown. */
const activatedBy = (ruleSet: RuleSet): string | null => {
  const entry = [...(ruleSet.history?.entries ?? [])].reverse().find((e) => e.action === "activated")
  return entry ? entry.actor_email || entry.actor || null : null
}

/** Under the status: whether a draft runs in shadow and how often it disagreed so far. */
const ShadowSummary = ({ ruleSet, onOpen }: { ruleSet: RuleSet; onOpen: () => void }) => {
  const stats = ruleSet.shadow_stats ?? { planned: 0, disagreements: 0 }
  if (!ruleSet.shadow && stats.planned === 0) return null
  return (
    <button
      type="button"
      onClick={onOpen}
      className="txt-compact-xsmall text-ui-fg-interactive hover:text-ui-fg-interactive-hover whitespace-nowrap text-left"
      data-testid="oms-rule-set-shadow-stats"
      data-planned={stats.planned}
      data-disagreements={stats.disagreements}
    >
      {formatCount(stats.disagreements)} of {formatCount(stats.planned)} disagree
    </button>
  )
}

/** Every rule set version with its status and rules; drafts can be edited and activated. */
export const RuleSetsTable = ({
  onCreate,
  onEdit,
}: {
  onCreate: () => void
  onEdit: (ruleSet: RuleSet) => void
}) => {
  const { data, isPending, isError, error, refetch } = useRuleSets()
  const channels = useSalesChannelOptions()
  const users = useUserOptions()
  const { act } = useRuleSetMutations()
  const setShadow = useSetShadow()
  const prompt = usePrompt()
  const navigate = useNavigate()
  const ruleSets = data?.rule_sets ?? []
  // Ids, not objects: the drawers show the latest counts and history after each refetch.
  const [shadowId, setShadowId] = useState<string | null>(null)
  const [historyId, setHistoryId] = useState<string | null>(null)
  const byId = (id: string | null) => (id ? ruleSets.find((ruleSet) => ruleSet.id === id) ?? null : null)

  const toggleShadow = async (ruleSet: RuleSet) => {
    const title = `${ruleSet.name} v${ruleSet.version}`
    const enabled = !ruleSet.shadow
    try {
      await setShadow.mutateAsync({ id: ruleSet.id, enabled })
      toast.success(enabled ? `${title} runs in shadow` : `${title} no longer runs in shadow`, {
        description: enabled ? "Every new order is also planned with it; nothing it plans is reserved." : undefined,
      })
    } catch (failure) {
      toast.error(`Could not change shadow mode of ${title}`, { description: errorMessage(failure) })
    }
  }

  const channelName = (id: string | null) =>
    id === null ? "All channels" : channels.data?.sales_channels.find((channel) => channel.id === id)?.name ?? id

  const run = async (ruleSet: RuleSet, action: RuleSetAction) => {
    const title = `${ruleSet.name} v${ruleSet.version}`
    if (action === "archive") {
      const confirmed = await prompt({
        title: `Archive ${title}?`,
        description:
          ruleSet.status === "active"
            ? "Orders in its scope are routed by the next rule set that applies, or by the default rules."
            : "An archived version cannot be edited or activated again; duplicate it to start over.",
        confirmText: "Archive",
        cancelText: "Cancel",
      })
      if (!confirmed) return
    }
    try {
      const { rule_set } = await act.mutateAsync({ id: ruleSet.id, action })
      toast.success(
        action === "duplicate" ? `Draft ${rule_set.name} v${rule_set.version} created` : `${title} ${ACTION_WORDS[action].done}`
      )
    } catch (failure) {
      toast.error(`Could not ${ACTION_WORDS[action].failed} ${title}`, { description: errorMessage(failure) })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="oms-rule-sets">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Rule sets</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every version of your routing rules. One version is active per sales channel, plus one for all channels;
            without any, orders follow the default rules.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={onCreate} data-testid="oms-rule-set-create">
          <Plus />
          Create
        </Button>
      </div>
      {isPending ? (
        <SectionLoading />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : ruleSets.length === 0 ? (
        <SectionEmpty>No rule sets yet: orders are routed by the default rules. Create one to change them.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="whitespace-nowrap">Rule set</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap">Sales channel</Table.HeaderCell>
                <Table.HeaderCell>Rules</Table.HeaderCell>
                <Table.HeaderCell>Created</Table.HeaderCell>
                <Table.HeaderCell>Activated</Table.HeaderCell>
                <Table.HeaderCell className="w-px">
                  <span className="sr-only">Actions</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {ruleSets.map((ruleSet) => {
                const status = RULE_SET_STATUS_DISPLAY[ruleSet.status] ?? { label: ruleSet.status, color: "grey" as const }
                const { definition } = ruleSet
                const filters = summarizeRules(definition.rules, "filter")
                const ranks = summarizeRules(definition.rules, "rank")
                const policy = `${splitLabel(definition.split)} · ${partialLabel(definition.partial)}`
                const creator = users.data?.users.find((user) => user.id === ruleSet.created_by)
                return (
                  <Table.Row
                    key={ruleSet.id}
                    className="[&_td:last-child]:w-px"
                    data-testid={`oms-rule-set-row-${ruleSet.name}-v${ruleSet.version}`}
                    data-status={ruleSet.status}
                  >
                    <Table.Cell className="py-2">
                      <div className="flex flex-col">
                        <Text size="small" weight="plus" className="text-ui-fg-base max-w-[180px] truncate" title={ruleSet.name}>
                          {ruleSet.name}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          Version {ruleSet.version}
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell className="py-2">
                      <div className="flex flex-col items-start gap-y-1">
                        <div className="flex items-center gap-x-1">
                          <StatusBadge color={status.color} data-testid="oms-rule-set-status">
                            {status.label}
                          </StatusBadge>
                          {ruleSet.shadow && (
                            <Badge size="2xsmall" color="purple" data-testid="oms-rule-set-shadow">
                              Shadow
                            </Badge>
                          )}
                        </div>
                        <ShadowSummary ruleSet={ruleSet} onOpen={() => setShadowId(ruleSet.id)} />
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <span className="block max-w-[140px] truncate" title={channelName(ruleSet.sales_channel_id)}>
                        {channelName(ruleSet.sales_channel_id)}
                      </span>
                    </Table.Cell>
                    <Table.Cell className="py-2">
                      <div className="flex max-w-[240px] flex-col" data-testid="oms-rule-set-rules">
                        <Text size="xsmall" className="truncate" title={filters}>
                          <span className="text-ui-fg-muted">Filter: </span>
                          <span data-testid="oms-rule-set-filters">{filters}</span>
                        </Text>
                        <Text size="xsmall" className="truncate" title={ranks}>
                          <span className="text-ui-fg-muted">Rank: </span>
                          <span data-testid="oms-rule-set-ranks">{ranks}</span>
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle truncate" title={policy}>
                          {policy}
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell className="py-2">
                      <div className="flex flex-col">
                        <Text size="xsmall" className="whitespace-nowrap">
                          {formatDateTime(ruleSet.created_at)}
                        </Text>
                        <Text
                          size="xsmall"
                          className="text-ui-fg-subtle max-w-[160px] truncate"
                          title={userName(creator, ruleSet.created_by, ruleSet.created_by_email)}
                          data-testid="oms-rule-set-created-by"
                        >
                          {userName(creator, ruleSet.created_by, ruleSet.created_by_email)}
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell className="py-2">
                      <div className="flex flex-col">
                        <Text size="xsmall" className="whitespace-nowrap">
                          {ruleSet.activated_at ? formatDateTime(ruleSet.activated_at) : "-"}
                        </Text>
                        {ruleSet.activated_at && activatedBy(ruleSet) && (
                          <Text
                            size="xsmall"
                            className="text-ui-fg-subtle max-w-[160px] truncate"
                            title={activatedBy(ruleSet)!}
                            data-testid="oms-rule-set-activated-by"
                          >
                            {activatedBy(ruleSet)}
                          </Text>
                        )}
                        {ruleSet.archived_at && (
                          <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
                            Archived {formatDateTime(ruleSet.archived_at)}
                          </Text>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <DropdownMenu>
                        <DropdownMenu.Trigger asChild>
                          <IconButton
                            size="small"
                            variant="transparent"
                            aria-label={`Actions for ${ruleSet.name} v${ruleSet.version}`}
                            data-testid="oms-rule-set-actions"
                          >
                            <EllipsisHorizontal />
                          </IconButton>
                        </DropdownMenu.Trigger>
                        <DropdownMenu.Content align="end">
                          <DropdownMenu.Item
                            className="gap-x-2"
                            onClick={() => onEdit(ruleSet)}
                            data-testid="oms-rule-set-edit"
                          >
                            <PencilSquare className="text-ui-fg-subtle" />
                            {ruleSet.status === "draft" ? "Edit" : "View rules"}
                          </DropdownMenu.Item>
                          <DropdownMenu.Item
                            className="gap-x-2"
                            onClick={() => navigate(`/oms/routing/simulator?rule_set=${encodeURIComponent(ruleSet.id)}`)}
                            data-testid="oms-rule-set-simulate"
                          >
                            <Beaker className="text-ui-fg-subtle" />
                            Simulate on past orders
                          </DropdownMenu.Item>
                          {ruleSet.status === "draft" && (
                            <DropdownMenu.Item
                              className="gap-x-2"
                              onClick={() => toggleShadow(ruleSet)}
                              data-testid="oms-rule-set-shadow-toggle"
                            >
                              {ruleSet.shadow ? (
                                <EyeSlashMini className="text-ui-fg-subtle" />
                              ) : (
                                <EyeMini className="text-ui-fg-subtle" />
                              )}
                              {ruleSet.shadow ? "Stop shadow mode" : "Run in shadow"}
                            </DropdownMenu.Item>
                          )}
                          {(ruleSet.shadow || (ruleSet.shadow_stats?.planned ?? 0) > 0) && (
                            <DropdownMenu.Item
                              className="gap-x-2"
                              onClick={() => setShadowId(ruleSet.id)}
                              data-testid="oms-rule-set-shadow-results"
                            >
                              <ListBullet className="text-ui-fg-subtle" />
                              Shadow results
                            </DropdownMenu.Item>
                          )}
                          <DropdownMenu.Item
                            className="gap-x-2"
                            onClick={() => setHistoryId(ruleSet.id)}
                            data-testid="oms-rule-set-history-open"
                          >
                            <ClockSolid className="text-ui-fg-subtle" />
                            History
                          </DropdownMenu.Item>
                          <DropdownMenu.Separator />
                          <DropdownMenu.Item
                            className="gap-x-2"
                            onClick={() => run(ruleSet, "duplicate")}
                            data-testid="oms-rule-set-duplicate"
                          >
                            <SquareTwoStack className="text-ui-fg-subtle" />
                            Duplicate as new version
                          </DropdownMenu.Item>
                          {ruleSet.status === "draft" && (
                            <DropdownMenu.Item
                              className="gap-x-2"
                              onClick={() => run(ruleSet, "activate")}
                              data-testid="oms-rule-set-activate"
                            >
                              <CheckCircle className="text-ui-fg-subtle" />
                              Activate
                            </DropdownMenu.Item>
                          )}
                          {ruleSet.status !== "archived" && (
                            <>
                              <DropdownMenu.Separator />
                              <DropdownMenu.Item
                                className="gap-x-2"
                                onClick={() => run(ruleSet, "archive")}
                                data-testid="oms-rule-set-archive"
                              >
                                <ArchiveBox className="text-ui-fg-subtle" />
                                Archive
                              </DropdownMenu.Item>
                            </>
                          )}
                        </DropdownMenu.Content>
                      </DropdownMenu>
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      <ShadowResultsDrawer ruleSet={byId(shadowId)} onClose={() => setShadowId(null)} />
      <RuleSetHistoryDrawer ruleSet={byId(historyId)} onClose={() => setHistoryId(null)} />
    </Container>
  )
}
