import { MESSAGE_TITLES, type MessageKind } from "../../../../../lib/documents/messages/events"
import { templateFor } from "../../../../../lib/documents/messages/defaults"
import type { SettingsRow } from "../../../../../modules/documents/types"
import type { MessageTemplateView } from "../../../../../types/documents"
import { MESSAGE_TRIGGERS } from "../../../../../workflows/documents/events"

export function templateView(kind: MessageKind, locale: string, edited: { subject: string; body: string } | null, settings: SettingsRow): MessageTemplateView {
  const text = templateFor(kind, locale, edited)
  return {
    kind,
    title: MESSAGE_TITLES[kind],
    locale,
    subject: text.subject,
    body: text.body,
    edited: !!edited,
    enabled: !settings.disabled_messages.includes(kind),
    triggers: MESSAGE_TRIGGERS[kind],
  }
}
