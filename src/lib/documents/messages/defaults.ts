import type { MessageData, MessageKind, MessageTemplate } from "./events"

/** The placeholders every message may use (the fields of MessageData). */
export const PLACEHOLDERS = [
  "customer_name", "order_number", "total", "items", "carrier", "tracking_number", "tracking_url",
  "rma_code", "slip_url", "amount", "resolution", "store_name",
] as const satisfies readonly (keyof MessageData)[]

const ITEMS = "{{#each items}}  {{quantity}} × {{title}}\n{{/each}}"

/**
 * The texts a store starts with, in English, Polish and German. A store edits them per locale
 * in the admin; an edited text is stored and wins over these.
 */
export const DEFAULT_TEMPLATES: Record<string, Record<MessageKind, MessageTemplate>> = {
  en: {
    "order.confirmed": {
      subject: "Order {{order_number}} confirmed",
      body: `Hello {{customer_name}},\n\nthank you for your order {{order_number}} at {{store_name}}.\n\n${ITEMS}\nTotal: {{total}}\n`,
    },
    "order.shipped": {
      subject: "Order {{order_number}} is on its way",
      body: `Hello {{customer_name}},\n\nyour parcel left us with {{carrier}}.\nTracking number: {{tracking_number}}\n{{#if tracking_url}}Track it: {{tracking_url}}\n{{/if}}\nIn this parcel:\n${ITEMS}`,
    },
    "order.delivered": {
      subject: "Order {{order_number}} was delivered",
      body: "Hello {{customer_name}},\n\nyour parcel {{tracking_number}} was delivered. We hope you enjoy it.\n",
    },
    "return.requested": {
      subject: "Return {{rma_code}} for order {{order_number}}",
      body: `Hello {{customer_name}},\n\nwe have your return {{rma_code}}.\n{{#if slip_url}}Print your return slip: {{slip_url}}\n{{/if}}\n${ITEMS}`,
    },
    "return.received": {
      subject: "We received your return {{rma_code}}",
      body: "Hello {{customer_name}},\n\nyour return {{rma_code}} for order {{order_number}} arrived; we are checking it now.\n",
    },
    "return.resolved": {
      subject: "Your return {{rma_code}}: {{resolution}}",
      body: "Hello {{customer_name}},\n\nyour return {{rma_code}} is settled: {{resolution}}.\n{{#if amount}}We gave you {{amount}}.\n{{/if}}",
    },
  },
  pl: {
    "order.confirmed": {
      subject: "Zamówienie {{order_number}} potwierdzone",
      body: `Dzień dobry {{customer_name}},\n\ndziękujemy za zamówienie {{order_number}} w {{store_name}}.\n\n${ITEMS}\nRazem: {{total}}\n`,
    },
    "order.shipped": {
      subject: "Zamówienie {{order_number}} jest w drodze",
      body: `Dzień dobry {{customer_name}},\n\nTwoja paczka została nadana ({{carrier}}).\nNumer przesyłki: {{tracking_number}}\n{{#if tracking_url}}Śledź ją: {{tracking_url}}\n{{/if}}\nW tej paczce:\n${ITEMS}`,
    },
    "order.delivered": {
      subject: "Zamówienie {{order_number}} zostało doręczone",
      body: "Dzień dobry {{customer_name}},\n\nTwoja paczka {{tracking_number}} została doręczona.\n",
    },
    "return.requested": {
      subject: "Zwrot {{rma_code}} do zamówienia {{order_number}}",
      body: `Dzień dobry {{customer_name}},\n\nprzyjęliśmy zgłoszenie zwrotu {{rma_code}}.\n{{#if slip_url}}Wydrukuj etykietę zwrotu: {{slip_url}}\n{{/if}}\n${ITEMS}`,
    },
    "return.received": {
      subject: "Otrzymaliśmy zwrot {{rma_code}}",
      body: "Dzień dobry {{customer_name}},\n\nTwój zwrot {{rma_code}} do zamówienia {{order_number}} dotarł; właśnie go sprawdzamy.\n",
    },
    "return.resolved": {
      subject: "Zwrot {{rma_code}}: {{resolution}}",
      body: "Dzień dobry {{customer_name}},\n\nTwój zwrot {{rma_code}} został rozliczony: {{resolution}}.\n{{#if amount}}Otrzymujesz {{amount}}.\n{{/if}}",
    },
  },
  de: {
    "order.confirmed": {
      subject: "Bestellung {{order_number}} bestätigt",
      body: `Hallo {{customer_name}},\n\nvielen Dank für Ihre Bestellung {{order_number}} bei {{store_name}}.\n\n${ITEMS}\nSumme: {{total}}\n`,
    },
    "order.shipped": {
      subject: "Bestellung {{order_number}} ist unterwegs",
      body: `Hallo {{customer_name}},\n\nIhr Paket ist mit {{carrier}} unterwegs.\nSendungsnummer: {{tracking_number}}\n{{#if tracking_url}}Verfolgen: {{tracking_url}}\n{{/if}}\nIn diesem Paket:\n${ITEMS}`,
    },
    "order.delivered": {
      subject: "Bestellung {{order_number}} wurde zugestellt",
      body: "Hallo {{customer_name}},\n\nIhr Paket {{tracking_number}} wurde zugestellt.\n",
    },
    "return.requested": {
      subject: "Rücksendung {{rma_code}} zu Bestellung {{order_number}}",
      body: `Hallo {{customer_name}},\n\nwir haben Ihre Rücksendung {{rma_code}} erhalten.\n{{#if slip_url}}Rücksendeschein: {{slip_url}}\n{{/if}}\n${ITEMS}`,
    },
    "return.received": {
      subject: "Rücksendung {{rma_code}} ist angekommen",
      body: "Hallo {{customer_name}},\n\nIhre Rücksendung {{rma_code}} zu Bestellung {{order_number}} ist angekommen; wir prüfen sie jetzt.\n",
    },
    "return.resolved": {
      subject: "Rücksendung {{rma_code}}: {{resolution}}",
      body: "Hallo {{customer_name}},\n\nIhre Rücksendung {{rma_code}} ist abgeschlossen: {{resolution}}.\n{{#if amount}}Sie erhalten {{amount}}.\n{{/if}}",
    },
  },
}

/** The template a message uses in a locale: the store's edit, else the default, else English. */
export function templateFor(kind: MessageKind, locale: string, edited?: MessageTemplate | null): MessageTemplate {
  if (edited) return edited
  const language = locale.toLowerCase().split(/[-_]/)[0]
  return (DEFAULT_TEMPLATES[language] ?? DEFAULT_TEMPLATES.en)[kind]
}

/** Sample values a preview renders a template with. */
export const SAMPLE_DATA: MessageData = {
  customer_name: "Łukasz Żółć",
  order_number: "#1042",
  total: "€128.40",
  items: [
    { quantity: 2, title: "Organic Cotton T-Shirt (M)" },
    { quantity: 1, title: "Enamel Camping Mug" },
  ],
  carrier: "DHL Express",
  tracking_number: "JD014600006281230577",
  tracking_url: "https://www.dhl.com/track?id=JD014600006281230577",
  rma_code: "R-7K3P9QXM",
  slip_url: "https://shop.example/returns/R-7K3P9QXM/slip",
  amount: "€39.90",
  resolution: "refund",
  store_name: "Demo Store",
}
