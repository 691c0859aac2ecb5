import { createCartCreditLinesWorkflow, deleteCartCreditLinesWorkflow } from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { storeCreditLockKey } from "../../../lib/locks/lock-keys"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../modules/returns"
import { MONEY_EPSILON, roundMoney } from "./order-money"

/** The reference of the cart credit line that carries a customer's store credit. */
export const STORE_CREDIT_REFERENCE = "oms_store_credit"

export type CartCredit = { cart_id: string; applied: number; balance: number }

type CartFacts = {
  id: string
  customer_id: string | null
  currency_code: string
  completed_at: string | null
  total: number
  credit_lines: { id: string; amount: number; reference: string | null }[]
}

/** The cart as store credit needs it (one query); null when it does not exist. */
export async function cartFacts(container: MedusaContainer, cartId: string): Promise<CartFacts | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "completed_at", "total", "credit_lines.*"],
    filters: { id: cartId },
  })
  const cart: any = data[0]
  if (!cart) return null
  return {
    id: cart.id,
    customer_id: cart.customer_id ?? null,
    currency_code: cart.currency_code,
    completed_at: cart.completed_at ?? null,
    total: roundMoney(Number(cart.total ?? 0)),
    credit_lines: (cart.credit_lines ?? []).map((l: any) => ({ id: l.id, amount: Number(l.amount), reference: l.reference ?? null })),
  }
}

/** Spends and releases written for one cart: spend:<cart>, release:<cart>, then :2, :3 on re-apply. */
async function cartLedger(service: ReturnsModuleService, cartId: string) {
  const entries = await service.listStoreCreditEntries({ reference_type: "cart", reference_id: cartId }, { take: null })
  const spends = entries.filter((e: any) => e.kind === "spend")
  const releases = entries.filter((e: any) => e.kind === "release")
  const round = (kind: string, n: number) => (n === 1 ? `${kind}:${cartId}` : `${kind}:${cartId}:${n}`)
  const active = spends.length > releases.length ? spends[spends.length - 1] : null
  return {
    active: active ? { id: active.id, amount: -Number(active.amount) } : null,
    nextSpendKey: round("spend", spends.length + 1),
    nextReleaseKey: round("release", releases.length + 1),
  }
}

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

/**
 * Applies up to min(balance, cart total, amount asked) of the customer's store credit to the
 * cart: the ledger is debited once (`spend:<cart>`) and the cart gets one credit line, both
 * under the customer's store-credit lock, so two carts applying at once spend the balance
 * once between them.
 */
export async function applyCartStoreCredit(
  container: MedusaContainer,
  input: { cart_id: string; customer_id: string; amount?: number }
): Promise<CartCredit> {
  const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const cart = await cartFacts(container, input.cart_id)
  if (!cart || cart.customer_id !== input.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found.`)
  }
  return await locking.execute(storeCreditLockKey(input.customer_id, cart.currency_code), async () => {
    const fresh = (await cartFacts(container, input.cart_id))!
    if (fresh.completed_at) throw conflict(`Cart ${fresh.id} is already completed; store credit can no longer be applied.`)
    const ledger = await cartLedger(service, fresh.id)
    if (ledger.active) {
      throw conflict(`Cart ${fresh.id} already has ${ledger.active.amount.toFixed(2)} of store credit applied; remove it first to change the amount.`)
    }
    const balance = await service.storeCreditBalance(input.customer_id, fresh.currency_code)
    const applied = roundMoney(Math.min(balance, fresh.total, input.amount ?? Infinity))
    if (applied <= MONEY_EPSILON) {
      throw conflict(
        balance <= MONEY_EPSILON
          ? `You have no store credit in ${fresh.currency_code.toUpperCase()}.`
          : `Cart ${fresh.id} has nothing left to pay with store credit.`
      )
    }
    const { entry } = await service.recordStoreCredit({
      customer_id: input.customer_id,
      currency_code: fresh.currency_code,
      amount: -applied,
      kind: "spend",
      idempotency_key: ledger.nextSpendKey,
      reference_type: "cart",
      reference_id: fresh.id,
      note: "Applied at checkout",
    })
    try {
      await createCartCreditLinesWorkflow(container).run({
        input: [{ cart_id: fresh.id, amount: applied, reference: STORE_CREDIT_REFERENCE, reference_id: entry.id, metadata: {} }],
      })
    } catch (e) {
      // The cart did not take the credit: the debit must not stand.
      await service.deleteStoreCreditEntries(entry.id)
      throw e
    }
    return { cart_id: fresh.id, applied, balance: roundMoney(balance - applied) }
  })
}

/** Removes the cart's store credit line and gives the amount back (`release:<cart>`). */
export async function removeCartStoreCredit(
  container: MedusaContainer,
  input: { cart_id: string; customer_id: string }
): Promise<CartCredit> {
  const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const cart = await cartFacts(container, input.cart_id)
  if (!cart || cart.customer_id !== input.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found.`)
  }
  return await locking.execute(storeCreditLockKey(input.customer_id, cart.currency_code), async () => {
    const fresh = (await cartFacts(container, input.cart_id))!
    if (fresh.completed_at) throw conflict(`Cart ${fresh.id} is already completed; its store credit was spent on the order.`)
    const ledger = await cartLedger(service, fresh.id)
    if (!ledger.active) throw conflict(`Cart ${fresh.id} has no store credit applied.`)
    const lines = fresh.credit_lines.filter((l) => l.reference === STORE_CREDIT_REFERENCE)
    if (lines.length) await deleteCartCreditLinesWorkflow(container).run({ input: { id: lines.map((l) => l.id) } })
    await service.recordStoreCredit({
      customer_id: input.customer_id,
      currency_code: fresh.currency_code,
      amount: ledger.active.amount,
      kind: "release",
      idempotency_key: ledger.nextReleaseKey,
      reference_type: "cart",
      reference_id: fresh.id,
      note: "Removed from the cart",
    })
    const balance = await service.storeCreditBalance(input.customer_id, fresh.currency_code)
    return { cart_id: fresh.id, applied: 0, balance }
  })
}
