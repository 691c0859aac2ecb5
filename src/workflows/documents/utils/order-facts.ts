import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Party } from "../../../lib/documents/invoice/document"
import type { InvoiceOrderInput } from "../../../lib/documents/invoice/types"

const ORDER_FIELDS = [
  "id", "display_id", "email", "customer_id", "currency_code", "locale", "created_at", "total", "tax_total",
  "items.*", "items.tax_lines.*", "items.adjustments.*",
  "shipping_methods.*", "shipping_methods.tax_lines.*", "shipping_methods.adjustments.*",
  "billing_address.*", "shipping_address.*",
  "customer.first_name", "customer.last_name",
  "payment_collections.payments.*", "payment_collections.payments.refunds.*",
]

type Address = {
  first_name?: string | null; last_name?: string | null; company?: string | null; address_1?: string | null; address_2?: string | null
  city?: string | null; province?: string | null; postal_code?: string | null; country_code?: string | null
} | null

export type OrderFacts = {
  order_id: string
  display_id: number
  email: string | null
  customer_id: string | null
  locale: string | null
  customer_name: string
  store: { id: string; name: string }
  invoice_input: InvoiceOrderInput
  bill_to: Party
  ship_to: Party | null
  payments: { id: string; provider_id: string; amount: number; captured_at: string | null; refunds: { id: string; amount: number; created_at: string; note: string | null }[] }[]
  items: { id: string; title: string; quantity: number }[]
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : MathBN.convert(v as never).toNumber())

/** What documents and messages know about an order: one query for the order, one for the store. */
export async function loadOrderFacts(container: MedusaContainer, orderId: string): Promise<OrderFacts> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  const [store] = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
  const o = order as any
  const bill = (o.billing_address ?? o.shipping_address) as Address
  const customerName = personName(bill) || [o.customer?.first_name, o.customer?.last_name].filter(Boolean).join(" ") || o.email || ""
  return {
    order_id: o.id,
    display_id: o.display_id,
    email: o.email ?? null,
    customer_id: o.customer_id ?? null,
    locale: o.locale ?? null,
    customer_name: customerName,
    store: { id: store?.id ?? "store", name: store?.name ?? "Store" },
    invoice_input: {
      currency_code: o.currency_code,
      items: (o.items ?? []).map((i: any) => ({
        id: i.id,
        title: i.product_title ?? i.title,
        variant_title: i.variant_title ?? null,
        sku: i.variant_sku ?? null,
        quantity: num(i.quantity),
        unit_price: num(i.unit_price),
        is_tax_inclusive: i.is_tax_inclusive,
        adjustments: (i.adjustments ?? []).map((a: any) => ({ amount: num(a.amount), is_tax_inclusive: a.is_tax_inclusive })),
        tax_lines: (i.tax_lines ?? []).map((t: any) => ({ rate: num(t.rate), code: t.code ?? null, name: t.description ?? null })),
      })),
      shipping_methods: (o.shipping_methods ?? []).map((m: any) => ({
        id: m.id,
        name: m.name,
        amount: num(m.amount),
        is_tax_inclusive: m.is_tax_inclusive,
        adjustments: (m.adjustments ?? []).map((a: any) => ({ amount: num(a.amount), is_tax_inclusive: a.is_tax_inclusive })),
        tax_lines: (m.tax_lines ?? []).map((t: any) => ({ rate: num(t.rate), code: t.code ?? null, name: t.description ?? null })),
      })),
    },
    bill_to: party(bill, customerName, o.email),
    ship_to: o.shipping_address ? party(o.shipping_address, personName(o.shipping_address) || customerName, null) : null,
    payments: (o.payment_collections ?? []).flatMap((c: any) =>
      (c.payments ?? []).map((p: any) => ({
        id: p.id,
        provider_id: p.provider_id,
        amount: num(p.captured_amount ?? p.amount),
        captured_at: p.captured_at ? new Date(p.captured_at).toISOString() : null,
        refunds: (p.refunds ?? []).map((r: any) => ({ id: r.id, amount: num(r.amount), created_at: new Date(r.created_at).toISOString(), note: r.note ?? null })),
      }))
    ),
    items: (o.items ?? []).map((i: any) => ({ id: i.id, title: i.variant_title ? `${i.product_title ?? i.title} (${i.variant_title})` : (i.product_title ?? i.title), quantity: num(i.quantity) })),
  }
}

const personName = (a: Address) => [a?.first_name, a?.last_name].filter(Boolean).join(" ")

function party(a: Address, name: string, email: string | null): Party {
  const cityLine = [a?.postal_code, a?.city, a?.province?.replace(/^[a-z]{2}-/, "").toUpperCase()].filter(Boolean).join(" ")
  return {
    name,
    company: a?.company ?? null,
    lines: [a?.address_1, a?.address_2, cityLine, a?.country_code?.toUpperCase(), email].filter((l): l is string => !!l),
  }
}

/** The order a payment belongs to, with the payment's refunds (one query). */
export async function paymentOrder(container: MedusaContainer, paymentId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payment] } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id", "refunds.*"],
    filters: { id: paymentId },
  })
  const p = payment as any
  return {
    order_id: (p?.payment_collection?.order?.id as string | undefined) ?? null,
    refunds: ((p?.refunds ?? []) as any[]).map((r) => ({ id: r.id as string, amount: num(r.amount), note: (r.note as string | null) ?? null })),
  }
}
