import { Badge, Button, Container, Heading, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useDocuments, type DocumentFilters } from "../../hooks/documents/documents"
import { downloadDocument, KIND_LABELS, money } from "./download"

const PAGE = 20

/** Every invoice and credit note, filtered by kind and number, each downloadable. */
export const DocumentsTable = () => {
  const [kind, setKind] = useState<"all" | "invoice" | "credit_note">("all")
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const filters: DocumentFilters = { kind: kind === "all" ? undefined : kind, q: q.trim() || undefined, limit: PAGE, offset }
  const { data, isLoading, error } = useDocuments(filters)
  const documents = data?.documents ?? []
  const count = data?.count ?? 0

  return (
    <Container className="divide-y p-0" data-testid="oms-documents-table">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <Heading level="h2">Documents</Heading>
        <div className="flex items-center gap-x-2">
          <Select value={kind} onValueChange={(v) => { setKind(v as typeof kind); setOffset(0) }}>
            <Select.Trigger className="w-40" data-testid="oms-documents-kind"><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="all">All documents</Select.Item>
              <Select.Item value="invoice">Invoices</Select.Item>
              <Select.Item value="credit_note">Credit notes</Select.Item>
            </Select.Content>
          </Select>
          <Input size="small" placeholder="Number contains…" value={q} onChange={(e) => { setQ(e.target.value); setOffset(0) }} data-testid="oms-documents-search" />
        </div>
      </div>
      {isLoading ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : error ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>
      ) : documents.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">No documents match.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Number</Table.HeaderCell>
              <Table.HeaderCell>Kind</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Issued</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {documents.map((d) => (
              <Table.Row key={d.id} data-testid="oms-documents-row">
                <Table.Cell className="font-mono">{d.number}</Table.Cell>
                <Table.Cell><Badge size="2xsmall" color={d.kind === "invoice" ? "blue" : "orange"}>{KIND_LABELS[d.kind]}</Badge></Table.Cell>
                <Table.Cell><a className="text-ui-fg-interactive" href={`/app/orders/${d.order_id}`}>#{d.order_display_id}</a></Table.Cell>
                <Table.Cell>{d.issued_at.slice(0, 10)}</Table.Cell>
                <Table.Cell className="text-right">{money(d.total, d.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="transparent" onClick={() => downloadDocument(d).catch((e: Error) => toast.error(e.message))}>Download</Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" className="text-ui-fg-subtle">{count === 0 ? "0 documents" : `${offset + 1}–${Math.min(offset + PAGE, count)} of ${count}`}</Text>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</Button>
          <Button size="small" variant="secondary" disabled={offset + PAGE >= count} onClick={() => setOffset(offset + PAGE)}>Next</Button>
        </div>
      </div>
    </Container>
  )
}
