import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { DocumentsTable } from "../../../components/documents/documents-table"
import { DocumentSettingsForm } from "../../../components/documents/settings-form"
import { TemplateEditor } from "../../../components/documents/template-editor"

/** Documents: invoices and credit notes, the invoice settings, and the customer messages' texts. */
const DocumentsPage = () => (
  <div className="flex flex-col gap-y-3" data-testid="oms-documents-page">
    <Container className="px-6 py-4">
      <Heading level="h1">Documents and messages</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Invoices and credit notes are numbered without gaps and stored once; customer messages go out through Medusa's notification module.
      </Text>
    </Container>
    <DocumentsTable />
    <DocumentSettingsForm />
    <TemplateEditor />
  </div>
)

export const config = defineRouteConfig({ label: "Documents" })

export default DocumentsPage
