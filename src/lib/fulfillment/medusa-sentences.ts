/**
 * Medusa's own refusals of Create Fulfillment, word for word (core-flows 2.21.2,
 * order/workflows/create-fulfillment.js, `prepareInventoryUpdate`). Clients and Medusa's admin
 * read these texts, so the plugin's refusals start with them and add their explanation after.
 * The upgrade guard pins that file: when Medusa rewords them, these must follow.
 */

/** Medusa's refusal when a line asks more than its reservation holds. */
export function exceedsReservedSentence(lineId: string): string {
  return `Quantity to fulfill exceeds the reserved quantity for the item: ${lineId}`
}

/**
 * Medusa's refusal when an inventory-managed line has no reservation at all. Medusa prints the
 * line's raw title and variant title, so a missing variant title reads "(null)" there too.
 */
export function noReservationSentence(line: {
  id: string
  title?: string | null
  variant_title?: string | null
}): string {
  return `No stock reservation found for item ${line.id} - ${line.title} (${line.variant_title})`
}
