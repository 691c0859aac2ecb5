import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useDocuments, useIssueInvoice } from "../../hooks/documents/documents"
import { downloadDocument, KIND_LABELS, money } from "./download"

/** The order's invoice and credit notes: download each, or issue the invoice now. */
export const OrderDocuments = ({ orderId }: { orderId: string }) => {
  const { data, isLoading, error } = useDocuments({ order_id: orderId, limit: 50 })
  const issue = useIssueInvoice()
  const documents = data?.documents ?? []
  const hasInvoice = documents.some((d) => d.kind === "invoice")
  const download = (d: { id: string; number: string }) =>
    downloadDocument(d).catch((e: Error) => toast.error("Could not download the document", { description: e.message }))

  return (
    <Container className="divide-y p-0" data-testid="oms-order-documents">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Invoices and credit notes</Heading>
          <Text size="small" className="text-ui-fg-subtle">Stored when issued; every download is the same file.</Text>
        </div>
        {!hasInvoice && (
          <Button
            size="small"
            variant="secondary"
            isLoading={issue.isPending}
            data-testid="oms-issue-invoice"
            onClick={() =>
              issue.mutate(orderId, {
                onSuccess: ({ document }) => toast.success(`Invoice ${document.number} issued`),
                onError: (e) => toast.error("Could not issue the invoice", { description: e.message }),
              })
            }
          >
            Issue invoice
          </Button>
        )}
      </div>
      {isLoading ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading documents…</Text>
      ) : error ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>
      ) : documents.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="oms-order-documents-empty">
          No invoice yet: it is issued when the payment is captured or the order fulfilled, as the store's settings say.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Document</Table.HeaderCell>
              <Table.HeaderCell>Issued</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {documents.map((d) => (
              <Table.Row key={d.id} data-testid="oms-order-document">
                <Table.Cell>
                  <div className="flex items-center gap-x-2">
                    <Badge size="2xsmall" color={d.kind === "invoice" ? "blue" : "orange"}>{KIND_LABELS[d.kind]}</Badge>
                    <span className="font-mono" data-testid="oms-document-number">{d.number}</span>
                  </div>
                </Table.Cell>
                <Table.Cell>{d.issued_at.slice(0, 10)}</Table.Cell>
                <Table.Cell className="text-right">{money(d.total, d.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="transparent" onClick={() => download(d)} data-testid="oms-document-download">
                    Download PDF
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
