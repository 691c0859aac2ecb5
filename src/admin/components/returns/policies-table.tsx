import { PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Container, Heading, IconButton, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { describe } from "../../../lib/rules/explain"
import { useDeleteReturnPolicy, useReturnPolicies } from "../../hooks/returns/policies"
import { errorMessage } from "../../lib/format"
import type { ReturnPolicy } from "../../../types/returns"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import { resolutionLabel } from "./display"

/** "10% fee, flat 5.00 shipping": the money terms in a few words. */
const moneyTerms = (policy: ReturnPolicy): string => {
  const d = policy.definition
  const fee = d.restocking_fee_percent ? `${d.restocking_fee_percent}% fee` : "No fee"
  const shipping =
    d.shipping.mode === "free" ? "free shipping" : d.shipping.mode === "flat" ? `flat ${d.shipping.amount.toFixed(2)} shipping` : "label price deducted"
  return `${fee}, ${shipping}${d.keep_it_under !== null ? `, keep it under ${d.keep_it_under}` : ""}`
}

const PolicyRow = ({ policy, onEdit }: { policy: ReturnPolicy; onEdit: () => void }) => {
  const prompt = usePrompt()
  const remove = useDeleteReturnPolicy()
  const onDelete = async () => {
    const ok = await prompt({
      title: `Delete ${policy.name}?`,
      description: "Orders of its market fall to the next matching policy. Returns already requested keep their terms.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      await remove.mutateAsync(policy.id)
      toast.success(`Return policy ${policy.name} deleted`)
    } catch (error) {
      toast.error("Could not delete the policy", { description: errorMessage(error) })
    }
  }
  return (
    <Table.Row data-testid={`policy-row-${policy.id}`}>
      <Table.Cell className="tabular-nums">{policy.priority}</Table.Cell>
      <Table.Cell>
        <button type="button" onClick={onEdit} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus text-left">
          {policy.name}
        </button>
      </Table.Cell>
      <Table.Cell>
        <span className="block max-w-[260px] truncate" title={policy.market ? describe(policy.market) : "Every market"}>
          {policy.market ? describe(policy.market) : "Every market"}
        </span>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {policy.definition.window_days} days
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{moneyTerms(policy)}</Table.Cell>
      <Table.Cell>
        <div className="flex flex-wrap gap-1">
          {policy.definition.resolutions.map((r) => (
            <Badge key={r} size="2xsmall">
              {resolutionLabel(r)}
            </Badge>
          ))}
        </div>
      </Table.Cell>
      <Table.Cell>
        <StatusBadge color={policy.active ? "green" : "grey"}>{policy.active ? "Active" : "Paused"}</StatusBadge>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        <IconButton size="small" variant="transparent" onClick={onEdit} aria-label={`Edit ${policy.name}`} data-testid="policy-edit">
          <PencilSquare />
        </IconButton>
        <IconButton size="small" variant="transparent" onClick={onDelete} aria-label={`Delete ${policy.name}`} data-testid="policy-delete">
          <Trash />
        </IconButton>
      </Table.Cell>
    </Table.Row>
  )
}

/** Every return policy, in the order they are considered. */
export const PoliciesTable = ({ onEdit }: { onEdit: (policy: ReturnPolicy) => void }) => {
  const { data, isPending, isError, error, refetch } = useReturnPolicies()
  const policies = [...(data?.return_policies ?? [])].sort((a, b) => a.priority - b.priority)
  return (
    <Container className="divide-y p-0" data-testid="policies-table">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Policies</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Considered by priority; the first active one whose market matches the order decides.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : policies.length === 0 ? (
        <SectionEmpty>No return policy yet: without one, nothing is returnable. Add one for every market.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Priority</Table.HeaderCell>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Market</Table.HeaderCell>
                <Table.HeaderCell>Window</Table.HeaderCell>
                <Table.HeaderCell>Money</Table.HeaderCell>
                <Table.HeaderCell>Resolutions</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="w-px">
                  <span className="sr-only">Actions</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {policies.map((policy) => (
                <PolicyRow key={policy.id} policy={policy} onEdit={() => onEdit(policy)} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
