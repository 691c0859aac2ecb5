/**
 * The words of invoices and credit notes. Inputs use the shapes Medusa's order totals are
 * computed from (unit_price, quantity, is_tax_inclusive, adjustments, tax_lines with a rate in
 * percent), so an order read from Medusa goes in as it is. Money in major units.
 */
export type TaxLineInput = { rate: number; code?: string | null; name?: string | null }
export type AdjustmentInput = { amount: number; is_tax_inclusive?: boolean | null }

export type InvoiceItemInput = {
  id: string
  title: string
  variant_title?: string | null
  sku?: string | null
  quantity: number
  unit_price: number
  is_tax_inclusive?: boolean | null
  adjustments?: AdjustmentInput[] | null
  tax_lines?: TaxLineInput[] | null
}

export type InvoiceShippingInput = {
  id: string
  name: string
  amount: number
  is_tax_inclusive?: boolean | null
  adjustments?: AdjustmentInput[] | null
  tax_lines?: TaxLineInput[] | null
}

export type InvoiceOrderInput = {
  currency_code: string
  items: InvoiceItemInput[]
  shipping_methods: InvoiceShippingInput[]
}

/** One invoice line after discounts and tax, rounded to the currency. */
export type InvoiceLine = {
  id: string
  kind: "item" | "shipping"
  title: string
  sku: string | null
  quantity: number
  /** Price of one unit before tax and discount. */
  unit_net: number
  /** quantity x unit_net */
  subtotal: number
  discount: number
  /** subtotal - discount: what tax is charged on */
  net: number
  /** The line's tax rate in percent (the sum of its tax lines). */
  tax_rate: number
  tax: number
  total: number
}

/** Taxable amount and tax of one tax rate, the rows an invoice's tax table prints. */
export type TaxRow = { rate: number; label: string; net: number; tax: number }

export type InvoiceTotals = {
  currency_code: string
  lines: InvoiceLine[]
  tax_rows: TaxRow[]
  /** Items and shipping before discounts and tax. */
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
}
