/**
 * Tote (slot) numbers 1..n in the order given, so the oldest order of a wave gets tote 1.
 * An order listed twice keeps its first tote.
 */
export function assignTotes(orders: { order_id: string }[]): Record<string, number> {
  const totes = new Map<string, number>()
  for (const { order_id } of orders) {
    if (!totes.has(order_id)) totes.set(order_id, totes.size + 1)
  }
  return Object.fromEntries(totes)
}
