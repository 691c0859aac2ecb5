import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { MessageKind } from "../../../lib/documents/messages/events"
import { renderTemplate } from "../../../lib/documents/messages/render"
import { templateFor } from "../../../lib/documents/messages/defaults"
import { DOCUMENTS_MODULE } from "../../../modules/documents"
import type DocumentsModuleService from "../../../modules/documents/service"
import { messageFacts } from "../utils/message-facts"
import { loadOrderFacts } from "../utils/order-facts"

export const sendCustomerMessageStepId = "oms-send-customer-message"

export type SendCustomerMessageInput = {
  kind: MessageKind
  /** What the message is about: the order, the fulfillment (parcel) or the return case. */
  entity_id: string
  order_id: string
  /** The event that asked for it (recorded as the notification's trigger). */
  trigger: string
  amount?: number
  tracking_number?: string
}

export type SendCustomerMessageResult = { sent: boolean; reason: string; notification_id?: string }

/**
 * Sends one customer message through Medusa's notification module, once: the store's switch
 * and the customer's e-mail are checked, the ledger row (message, entity, template) is claimed
 * before the send, and a second delivery of the event finds it taken. No compensation: a sent
 * e-mail cannot be unsent; a failed send marks the row failed so the next delivery retries.
 */
export const sendCustomerMessageStep = createStep(sendCustomerMessageStepId, async (input: SendCustomerMessageInput, { container }) => {
  const documents = container.resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
  const order = await loadOrderFacts(container, input.order_id)
  const settings = await documents.settingsFor(order.store.id)
  const done = (sent: boolean, reason: string, notification_id?: string) =>
    new StepResponse<SendCustomerMessageResult>({ sent, reason, notification_id })
  if (settings.disabled_messages.includes(input.kind)) return done(false, `the store turned "${input.kind}" off`)
  if (!order.email) return done(false, `order ${order.display_id} has no e-mail address`)
  // A store without Medusa's notification module sends nothing (invoices still work).
  if (!container.hasRegistration(Modules.NOTIFICATION)) return done(false, "the app has no notification module")

  const locale = (order.locale ?? settings.default_locale).toLowerCase().split(/[-_]/)[0]
  const [edited] = await documents.listMessageTemplates({ kind: input.kind, locale }, { take: 1 })
  const template_key = `${input.kind}/${locale}`
  const claim = await documents.claimMessage({
    idempotency_key: `${input.kind}|${input.entity_id}|${template_key}`,
    kind: input.kind,
    entity_id: input.entity_id,
    order_id: input.order_id,
    template_key,
    locale,
    to: order.email,
  })
  if (!claim) return done(false, "already sent")

  try {
    const data = await messageFacts(container, input.kind, input.entity_id, order, settings, locale, input)
    const message = renderTemplate(templateFor(input.kind, locale, edited ?? null), data)
    const [notification] = await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to: order.email,
        channel: "email",
        template: input.kind,
        content: { subject: message.subject, text: message.body },
        data: { ...data, subject: message.subject, body: message.body, locale },
        trigger_type: input.trigger,
        resource_id: input.entity_id,
        resource_type: input.kind.split(".")[0],
        receiver_id: order.customer_id,
        idempotency_key: `oms|${input.kind}|${input.entity_id}|${template_key}`,
      },
    ])
    await documents.updateSentMessages({ id: claim, status: "sent", notification_id: notification?.id ?? null, subject: message.subject })
    return done(true, "sent", notification?.id)
  } catch (error) {
    await documents.updateSentMessages({ id: claim, status: "failed", error: (error as Error).message.slice(0, 500) })
    throw error
  }
})
