import {
  acquireLockStep,
  addOrderTransactionStep,
  authorizePaymentSessionStep,
  compensatePaymentIfNeededStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  updateCartsStep,
  useQueryGraphStep,
  validateCartItemsStep,
  validateCartPaymentsStep,
  validateShippingStep,
} from "@medusajs/core-flows"
import {
  EventPriority,
  isDefined,
  Modules,
  OrderStatus,
  OrderWorkflowEvents,
  ReservationItemWorkflowEvents,
} from "@medusajs/framework/utils"
import {
  createHook,
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { registerPromotionUsageStep } from "../steps/register-promotion-usage"
import { reserveRoutedInventoryStep } from "../steps/reserve-routed-inventory"
import { checkoutRoutingFacts } from "../utils/checkout-routing-context"
import { completeCartFields } from "../utils/complete-cart-fields"
import { prepareConfirmInventoryInput } from "../utils/prepare-confirm-inventory-input"
import { prepareAdjustmentsData, prepareLineItemData, prepareTaxLinesData } from "../utils/prepare-line-item-data"

export const completeCartWithRoutingWorkflowId = "oms-complete-cart-with-routing-workflow"

export type CompleteCartWithRoutingInput = { id: string }

const THREE_DAYS = 60 * 60 * 24 * 3
const THIRTY_SECONDS = 30
const TWO_MINUTES = 60 * 2

/**
 * Medusa's `completeCartWorkflow` (core-flows 2.21.2), step for step: the same cart lock, the
 * same "order already exists" answer, the same validations, order, links, promotion usage,
 * payment authorisation last, `order.placed` and `reservation-item.created`. One step differs:
 * stock is reserved where the routing planner wants it (split across locations when no single
 * one holds a line) instead of whole lines at the first location that covers them.
 * Hooks `validate` and `orderCreated` exist as in core, for handlers registered on THIS workflow.
 */
export const completeCartWithRoutingWorkflow = createWorkflow(
  { name: completeCartWithRoutingWorkflowId, store: true, idempotent: false, retentionTime: THREE_DAYS },
  (input: CompleteCartWithRoutingInput) => {
    acquireLockStep({ key: input.id, timeout: THIRTY_SECONDS, ttl: TWO_MINUTES })

    const [orderCart, cartData] = parallelize(
      useQueryGraphStep({
        entity: "order_cart",
        fields: ["cart_id", "order_id"],
        filters: { cart_id: input.id },
        options: { isList: false },
      }),
      useQueryGraphStep({
        entity: "cart",
        // Medusa's own fields: the reservation's routing takes the order, its variants and the
        // channel from this snapshot, and reads the rest only when its rule set asks for it.
        fields: completeCartFields,
        filters: { id: input.id },
        options: { isList: false },
      }).config({ name: "cart-query" })
    )

    const orderId = transform({ orderCart }, ({ orderCart }) => (orderCart as any)?.data?.order_id)

    validateCartItemsStep({ cart: cartData.data } as any)
    // Before the validation hook, as in core.
    const paymentSessions = validateCartPaymentsStep({ cart: cartData.data } as any)
    // Refunds a captured payment if completion fails later.
    compensatePaymentIfNeededStep({ payment_session_id: paymentSessions[0].id })

    const validate = createHook("validate", { input, cart: cartData.data })

    // No order yet: this is the first completion of the cart.
    const order = when("create-order", { orderId }, ({ orderId }) => !orderId).then(() => {
      const cartOptionIds = transform({ cart: cartData.data }, ({ cart }: any) =>
        cart.shipping_methods?.map((sm: any) => sm.shipping_option_id)
      )
      const shippingOptionsData = useQueryGraphStep({
        entity: "shipping_option",
        fields: ["id", "shipping_profile_id"],
        filters: { id: cartOptionIds },
        options: { cache: { enable: true } },
      }).config({ name: "shipping-options-query" })

      validateShippingStep({ cart: cartData.data, shippingOptions: shippingOptionsData.data } as any)

      const { variants, sales_channel_id } = transform({ cart: cartData.data }, ({ cart }: any) => {
        const variantsMap: Record<string, any> = {}
        for (const item of cart?.items ?? []) variantsMap[item.variant_id] = item.variant
        return { variants: Object.values(variantsMap), sales_channel_id: cart.sales_channel_id }
      })

      const cartToOrder = transform({ cart: cartData.data }, ({ cart }: any) => toOrderData(cart))
      const createdOrders = createOrdersStep([cartToOrder] as any)
      const createdOrder = transform({ createdOrders }, ({ createdOrders }: any) => createdOrders[0])

      const reservationItemsData = transform({ createdOrder }, ({ createdOrder }: any) =>
        createdOrder.items.map((i: any) => ({ variant_id: i.variant_id, quantity: i.quantity, id: i.id }))
      )
      const formattedInventoryItems = transform(
        { input: { sales_channel_id, variants, items: reservationItemsData } },
        prepareConfirmInventoryInput as any
      )
      const reserveInput = transform(
        { createdOrder, formattedInventoryItems, cart: cartData.data },
        ({ createdOrder, formattedInventoryItems, cart }: any) => ({
          order_id: createdOrder.id,
          routing: checkoutRoutingFacts(cart, createdOrder),
          items: formattedInventoryItems.items,
          labels: Object.fromEntries(
            (createdOrder.items ?? []).map((i: any) => [i.id, i.variant_sku || i.title || i.id])
          ),
        })
      )

      const updateCompletedAt = transform({ cart: cartData.data }, ({ cart }: any) => ({
        id: cart.id,
        completed_at: new Date(),
      }))
      const promotionUsage = transform({ cart: cartData.data }, ({ cart }: any) => {
        const computedActions: { amount: any; code: string }[] = []
        for (const item of cart.items ?? []) {
          for (const adjustment of item.adjustments ?? []) computedActions.push({ amount: adjustment.amount, code: adjustment.code })
        }
        for (const method of cart.shipping_methods ?? []) {
          for (const adjustment of method.adjustments ?? []) computedActions.push({ amount: adjustment.amount, code: adjustment.code })
        }
        return {
          computedActions,
          registrationContext: { customer_id: cart.customer?.id || null, customer_email: cart.email || null },
        }
      })
      const linksToCreate = transform({ cart: cartData.data, createdOrder }, ({ cart, createdOrder }: any) => {
        const links: Record<string, any>[] = [
          { [Modules.ORDER]: { order_id: createdOrder.id }, [Modules.CART]: { cart_id: cart.id } },
        ]
        for (const promotion of cart.promotions ?? []) {
          links.push({ [Modules.ORDER]: { order_id: createdOrder.id }, [Modules.PROMOTION]: { promotion_id: promotion.id } })
        }
        if (isDefined(cart.payment_collection?.id)) {
          links.push({
            [Modules.ORDER]: { order_id: createdOrder.id },
            [Modules.PAYMENT]: { payment_collection_id: cart.payment_collection.id },
          })
        }
        return links
      })

      const [, , createdReservations] = parallelize(
        createRemoteLinkStep(linksToCreate as any),
        updateCartsStep([updateCompletedAt] as any),
        reserveRoutedInventoryStep(reserveInput as any),
        registerPromotionUsageStep(promotionUsage as any),
        emitEventStep({
          eventName: OrderWorkflowEvents.PLACED,
          data: { id: createdOrder.id },
          options: { priority: EventPriority.CRITICAL },
        } as any)
      )

      const reservationCreatedEvents = transform(
        { createdReservations, createdOrder },
        ({ createdReservations, createdOrder }: any) =>
          (createdReservations ?? []).map((reservation: any) => ({ id: reservation.id, order_id: createdOrder.id }))
      )
      emitEventStep({ eventName: ReservationItemWorkflowEvents.CREATED, data: reservationCreatedEvents }).config({
        name: "emit-reservation-item-created",
      })

      createHook("beforePaymentAuthorization", { input })

      // Authorised last, so few steps can force a payment to be cancelled or refunded.
      const payment = authorizePaymentSessionStep({ id: paymentSessions[0].id })

      const orderTransactions = transform({ payment, createdOrder }, ({ payment, createdOrder }: any) =>
        (payment?.captures ?? []).map((capture: any) => ({
          order_id: createdOrder.id,
          amount: capture.raw_amount ?? capture.amount,
          currency_code: payment.currency_code,
          reference: "capture",
          reference_id: capture.id,
        }))
      )
      addOrderTransactionStep(orderTransactions as any)

      createHook("orderCreated", { order_id: createdOrder.id, cart_id: cartData.data.id })

      return createdOrder
    })

    releaseLockStep({ key: input.id })

    const result = transform({ order, orderId }, ({ order, orderId }: any) => ({ id: (order?.id ?? orderId) as string }))
    return new WorkflowResponse(result, { hooks: [validate] })
  }
)

/** The order Medusa's completion creates from a cart (core-flows 2.21.2, same fields). */
function toOrderData(cart: any) {
  const allItems = (cart.items ?? []).map((item: any) =>
    prepareLineItemData({
      item,
      variant: item.variant,
      cartId: cart.id,
      unitPrice: item.unit_price,
      isTaxInclusive: item.is_tax_inclusive,
      taxLines: item.tax_lines ?? [],
      adjustments: item.adjustments ?? [],
    })
  )
  const shippingMethods = (cart.shipping_methods ?? []).map((sm: any) => ({
    name: sm.name,
    description: sm.description,
    amount: sm.raw_amount ?? sm.amount,
    is_tax_inclusive: sm.is_tax_inclusive,
    shipping_option_id: sm.shipping_option_id,
    data: sm.data,
    metadata: sm.metadata,
    tax_lines: prepareTaxLinesData(sm.tax_lines ?? []),
    adjustments: prepareAdjustmentsData(sm.adjustments ?? []),
  }))
  const creditLines = (cart.credit_lines ?? []).map((creditLine: any) => ({
    amount: creditLine.amount,
    raw_amount: creditLine.raw_amount,
    reference: creditLine.reference,
    reference_id: creditLine.reference_id,
    metadata: creditLine.metadata,
  }))
  const itemAdjustments = allItems.flatMap((item: any) => item.adjustments ?? [])
  const shippingAdjustments = shippingMethods.flatMap((sm: any) => sm.adjustments ?? [])
  const promoCodes = [...itemAdjustments, ...shippingAdjustments].map((a: any) => a.code).filter(Boolean)
  const shippingAddress = cart.shipping_address ? { ...cart.shipping_address } : null
  const billingAddress = cart.billing_address ? { ...cart.billing_address } : null
  if (shippingAddress) delete shippingAddress.id
  if (billingAddress) delete billingAddress.id
  return {
    region_id: cart.region?.id,
    customer_id: cart.customer?.id,
    sales_channel_id: cart.sales_channel_id,
    status: OrderStatus.PENDING,
    email: cart.email,
    currency_code: cart.currency_code,
    locale: cart.locale,
    shipping_address: shippingAddress,
    billing_address: billingAddress,
    no_notification: false,
    items: allItems,
    shipping_methods: shippingMethods,
    metadata: cart.metadata,
    promo_codes: promoCodes,
    credit_lines: creditLines,
  }
}
