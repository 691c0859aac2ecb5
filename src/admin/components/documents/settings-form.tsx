import { Button, Container, Heading, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useDocumentSettings, useSaveDocumentSettings } from "../../hooks/documents/settings"

/** Seller details printed on every invoice, the number formats and when invoices are issued. */
export const DocumentSettingsForm = () => {
  const { data } = useDocumentSettings()
  const save = useSaveDocumentSettings()
  const s = data?.settings
  const [name, setName] = useState("")
  const [address, setAddress] = useState("")
  const [vat, setVat] = useState("")
  const [invoiceFormat, setInvoiceFormat] = useState("")
  const [creditFormat, setCreditFormat] = useState("")
  const [trigger, setTrigger] = useState<"capture" | "fulfillment">("capture")

  useEffect(() => {
    if (!s) return
    setName(s.seller.name)
    setAddress(s.seller.address_lines.join("\n"))
    setVat(s.seller.vat_id ?? "")
    setInvoiceFormat(s.invoice_format)
    setCreditFormat(s.credit_note_format)
    setTrigger(s.invoice_trigger)
  }, [s])

  const submit = () =>
    save.mutate(
      {
        seller: { ...(s?.seller ?? { email: null, bank: null }), name, address_lines: address.split("\n").map((l) => l.trim()).filter(Boolean), vat_id: vat.trim() || null },
        invoice_format: invoiceFormat,
        credit_note_format: creditFormat,
        invoice_trigger: trigger,
      },
      {
        onSuccess: ({ settings }) => toast.success(`Saved: the next invoice is numbered like ${settings.examples.invoice}`),
        onError: (e) => toast.error("Could not save the settings", { description: e.message }),
      }
    )

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="oms-document-settings">
      <Heading level="h2">Invoice settings</Heading>
      <div className="grid grid-cols-2 gap-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small">Seller name</Label>
          <Input size="small" value={name} onChange={(e) => setName(e.target.value)} data-testid="oms-settings-seller-name" />
          <Label size="small">Address (one line each)</Label>
          <Textarea rows={3} value={address} onChange={(e) => setAddress(e.target.value)} data-testid="oms-settings-seller-address" />
          <Label size="small">VAT ID</Label>
          <Input size="small" value={vat} onChange={(e) => setVat(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small">Invoice number format</Label>
          <Input size="small" value={invoiceFormat} onChange={(e) => setInvoiceFormat(e.target.value)} data-testid="oms-settings-invoice-format" />
          <Label size="small">Credit note number format</Label>
          <Input size="small" value={creditFormat} onChange={(e) => setCreditFormat(e.target.value)} />
          <Text size="xsmall" className="text-ui-fg-subtle">{"{YYYY} or {YY} the year, {SEQ:5} the number padded to 5 digits; numbering restarts each year."}</Text>
          <Label size="small">Issue the invoice on</Label>
          <Select value={trigger} onValueChange={(v) => setTrigger(v as typeof trigger)}>
            <Select.Trigger><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="capture">payment capture</Select.Item>
              <Select.Item value="fulfillment">fulfillment</Select.Item>
            </Select.Content>
          </Select>
          {s && <Text size="xsmall" className="text-ui-fg-subtle" data-testid="oms-settings-example">Next numbers look like {s.examples.invoice} and {s.examples.credit_note}.</Text>}
        </div>
      </div>
      <div className="flex justify-end">
        <Button size="small" onClick={submit} isLoading={save.isPending} data-testid="oms-settings-save">Save settings</Button>
      </div>
    </Container>
  )
}
