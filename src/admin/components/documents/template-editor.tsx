import { Badge, Button, Container, Heading, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useMessagePreview, useMessageTemplates, useResetMessageTemplate, useSaveMessageTemplate } from "../../hooks/documents/messages"
import { useDocumentSettings, useSaveDocumentSettings } from "../../hooks/documents/settings"

/** Customer messages: pick one and a locale, edit its text, preview it with sample values, save or reset; turn it on or off. */
export const TemplateEditor = () => {
  const { data } = useMessageTemplates()
  const settings = useDocumentSettings()
  const saveSettings = useSaveDocumentSettings()
  const save = useSaveMessageTemplate()
  const reset = useResetMessageTemplate()
  const preview = useMessagePreview()
  const [kind, setKind] = useState("order.confirmed")
  const [locale, setLocale] = useState("en")
  const template = useMemo(() => data?.templates.find((t) => t.kind === kind && t.locale === locale), [data, kind, locale])
  const [subject, setSubject] = useState("")
  const [body, setBody] = useState("")

  useEffect(() => {
    if (!template) return
    setSubject(template.subject)
    setBody(template.body)
    preview.reset()
  }, [template])

  const kinds = [...new Map((data?.templates ?? []).map((t) => [t.kind, t.title])).entries()]
  const disabled = settings.data?.settings.disabled_messages ?? []
  const toggle = (on: boolean) =>
    saveSettings.mutate({ disabled_messages: on ? disabled.filter((k) => k !== kind) : [...disabled, kind as never] })

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="oms-template-editor">
      <div className="flex items-center justify-between">
        <Heading level="h2">Customer messages</Heading>
        <div className="flex items-center gap-x-2">
          <Select value={kind} onValueChange={setKind}>
            <Select.Trigger className="w-48" data-testid="oms-template-kind"><Select.Value /></Select.Trigger>
            <Select.Content>
              {kinds.map(([k, title]) => <Select.Item key={k} value={k}>{title}</Select.Item>)}
            </Select.Content>
          </Select>
          <Select value={locale} onValueChange={setLocale}>
            <Select.Trigger className="w-24" data-testid="oms-template-locale"><Select.Value /></Select.Trigger>
            <Select.Content>
              {(data?.locales ?? []).map((l) => <Select.Item key={l} value={l}>{l}</Select.Item>)}
            </Select.Content>
          </Select>
        </div>
      </div>
      {template && (
        <div className="flex items-center gap-x-3">
          <Switch checked={template.enabled} onCheckedChange={toggle} data-testid="oms-template-enabled" />
          <Text size="small">{template.enabled ? "Sent" : "Not sent"} on {template.triggers.join(", ")}</Text>
          {template.edited && <Badge size="2xsmall" color="purple">edited</Badge>}
        </div>
      )}
      <div className="grid grid-cols-2 gap-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small">Subject</Label>
          <Input size="small" value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="oms-template-subject" />
          <Label size="small">Text</Label>
          <Textarea rows={12} className="font-mono" value={body} onChange={(e) => setBody(e.target.value)} data-testid="oms-template-body" />
          <Text size="xsmall" className="text-ui-fg-subtle">
            Placeholders: {(data?.placeholders ?? []).map((p) => `{{${p}}}`).join(" ")}; {"{{#if name}}…{{/if}}"}, {"{{#each items}}{{quantity}} × {{title}}{{/each}}"}
          </Text>
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" data-testid="oms-template-preview" isLoading={preview.isPending}
              onClick={() => preview.mutate({ kind, locale, subject, body }, { onError: (e) => toast.error(e.message) })}>
              Preview
            </Button>
            <Button size="small" data-testid="oms-template-save" isLoading={save.isPending}
              onClick={() => save.mutate({ kind, locale, subject, body }, {
                onSuccess: () => toast.success("Template saved"),
                onError: (e) => toast.error("Could not save the template", { description: e.message }),
              })}>
              Save
            </Button>
            {template?.edited && (
              <Button size="small" variant="transparent" onClick={() => reset.mutate({ kind, locale })}>Back to default</Button>
            )}
          </div>
        </div>
        <div className="flex flex-col gap-y-1" data-testid="oms-template-preview-pane">
          <Label size="small">Preview (sample order)</Label>
          {preview.data ? (
            <div className="rounded-md border p-3">
              <Text size="small" weight="plus" data-testid="oms-preview-subject">{preview.data.preview.subject}</Text>
              <pre className="whitespace-pre-wrap font-sans text-sm" data-testid="oms-preview-body">{preview.data.preview.body}</pre>
              {preview.data.problems.map((p) => <Text key={p} size="xsmall" className="text-ui-fg-error" data-testid="oms-preview-problem">{p}</Text>)}
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">Press Preview to see the message as a customer reads it.</Text>
          )}
        </div>
      </div>
    </Container>
  )
}
