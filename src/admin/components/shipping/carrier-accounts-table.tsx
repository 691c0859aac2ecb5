import { EllipsisHorizontal, PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, IconButton, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import {
  useCarrierAccounts,
  useDeleteCarrierAccount,
  useTestCarrierAccount,
  useUpdateCarrierAccount,
} from "../../hooks/shipping/carrier-accounts"
import { errorMessage } from "../../lib/format"
import type { PublicCarrierAccount } from "../../../types/shipping"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import { carrierName, SECRET_FIELDS } from "./display"

type TestResult = { ok: boolean; message: string | null }

/** Which secrets are stored, by name ("API key set"); never their values. */
const SecretsCell = ({ account }: { account: PublicCarrierAccount }) => {
  const fields = SECRET_FIELDS[account.carrier] ?? []
  return (
    <div className="flex flex-wrap gap-1" data-testid="carrier-account-secrets">
      {fields.map((field) => {
        const set = account.secrets_set.includes(field.name)
        return (
          <Badge key={field.name} size="2xsmall" color={set ? "green" : "red"}>
            {field.label} {set ? "set" : "missing"}
          </Badge>
        )
      })}
      <Badge size="2xsmall" color={account.webhook_secret_set ? "green" : "grey"} data-testid="carrier-account-webhook-set">
        Webhook secret {account.webhook_secret_set ? "set" : "not set"}
      </Badge>
    </div>
  )
}

const AccountRow = ({ account, onEdit }: { account: PublicCarrierAccount; onEdit: () => void }) => {
  const prompt = usePrompt()
  const test = useTestCarrierAccount()
  const update = useUpdateCarrierAccount()
  const remove = useDeleteCarrierAccount()
  const [result, setResult] = useState<TestResult | null>(null)

  const runTest = async () => {
    setResult(null)
    try {
      setResult(await test.mutateAsync(account.id))
    } catch (error) {
      setResult({ ok: false, message: errorMessage(error) })
    }
  }

  const toggleActive = async () => {
    try {
      await update.mutateAsync({ id: account.id, update: { active: !account.active } })
      toast.success(`${account.name} ${account.active ? "paused" : "activated"}`)
    } catch (error) {
      toast.error(`Could not change ${account.name}`, { description: errorMessage(error) })
    }
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: `Delete ${account.name}?`,
      description: "Its shipping options stop working. Labels already bought keep their files and tracking.",
      confirmText: "Delete",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(account.id)
      toast.success(`${account.name} deleted`)
    } catch (error) {
      toast.error(`Could not delete ${account.name}`, { description: errorMessage(error) })
    }
  }

  return (
    <Table.Row data-testid={`carrier-account-row-${account.name}`} data-id={account.id}>
      <Table.Cell className="py-2">
        <div className="flex flex-col">
          <Text size="small" weight="plus" className="text-ui-fg-base">
            {account.name}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {carrierName(account.carrier)}
            {account.base_url ? ` · ${account.base_url}` : ""}
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        <StatusBadge color={account.active ? "green" : "grey"} data-testid="carrier-account-status" data-active={String(account.active)}>
          {account.active ? "Active" : "Paused"}
        </StatusBadge>
      </Table.Cell>
      <Table.Cell>
        <span className="block max-w-[220px] truncate" title={account.services.map((s) => s.name).join(", ")}>
          {account.services.length ? account.services.map((s) => s.name).join(", ") : "Rate shop only"}
        </span>
      </Table.Cell>
      <Table.Cell>
        <SecretsCell account={account} />
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-col items-start gap-y-1">
          <Button size="small" variant="secondary" onClick={runTest} isLoading={test.isPending} data-testid="carrier-account-test">
            Test connection
          </Button>
          {result && (
            <Text
              size="xsmall"
              className={result.ok ? "text-ui-tag-green-text" : "text-ui-fg-error"}
              data-testid="carrier-account-test-result"
              data-ok={String(result.ok)}
            >
              {result.ok ? "Connected" : `Failed: ${result.message ?? "no reason given"}`}
            </Text>
          )}
        </div>
      </Table.Cell>
      <Table.Cell>
        <DropdownMenu>
          <DropdownMenu.Trigger asChild>
            <IconButton size="small" variant="transparent" data-testid="carrier-account-actions">
              <EllipsisHorizontal />
            </IconButton>
          </DropdownMenu.Trigger>
          <DropdownMenu.Content align="end">
            <DropdownMenu.Item onClick={onEdit} className="gap-x-2" data-testid="carrier-account-edit">
              <PencilSquare className="text-ui-fg-subtle" />
              Edit
            </DropdownMenu.Item>
            <DropdownMenu.Item onClick={toggleActive} data-testid="carrier-account-toggle">
              {account.active ? "Pause" : "Activate"}
            </DropdownMenu.Item>
            <DropdownMenu.Separator />
            <DropdownMenu.Item onClick={onDelete} className="gap-x-2" data-testid="carrier-account-delete">
              <Trash className="text-ui-fg-subtle" />
              Delete
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu>
      </Table.Cell>
    </Table.Row>
  )
}

/** The carrier accounts labels are bought through, each testable, editable, pausable. */
export const CarrierAccountsTable = ({ onEdit }: { onEdit: (account: PublicCarrierAccount) => void }) => {
  const { data, isPending, isError, error, refetch } = useCarrierAccounts()
  const accounts = data?.carrier_accounts ?? []
  return (
    <Container className="divide-y p-0" data-testid="carrier-accounts">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Accounts</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each active account adds a shipping option per service, one that rate shops (the cheapest quote), and a return option.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : accounts.length === 0 ? (
        <SectionEmpty>No carrier accounts yet. Add one; the offline carrier needs no credentials.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Account</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Services</Table.HeaderCell>
                <Table.HeaderCell>Secrets</Table.HeaderCell>
                <Table.HeaderCell>Connection</Table.HeaderCell>
                <Table.HeaderCell className="w-px">
                  <span className="sr-only">Actions</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {accounts.map((account) => (
                <AccountRow key={account.id} account={account} onEdit={() => onEdit(account)} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
