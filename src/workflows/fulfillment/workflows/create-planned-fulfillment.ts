import {
  acquireLockStep,
  adjustInventoryLevelsStep,
  createFulfillmentValidateOrder,
  createFulfillmentWorkflow,
  createRemoteLinkStep,
  deleteReservationsStep,
  emitEventStep,
  registerOrderFulfillmentStep,
  releaseLockStep,
  updateReservationsStep,
  useQueryGraphStep,
  useRemoteQueryStep,
} from "@medusajs/core-flows"
import {
  InventoryLevelWorkflowEvents,
  Modules,
  OrderWorkflowEvents,
  ReservationItemWorkflowEvents,
} from "@medusajs/framework/utils"
import { createHook, createWorkflow, parallelize, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { orderLockKey } from "../../../lib/locks"
import { planFulfillmentInventoryStep } from "../steps/plan-fulfillment-inventory"
import {
  orderFulfillmentFields,
  prepareFulfillmentData,
  prepareRegisterOrderFulfillmentData,
} from "../utils/prepare-fulfillment-data"

export const createPlannedFulfillmentWorkflowId = "oms-create-planned-fulfillment-workflow"

export type CreatePlannedFulfillmentInput = {
  order_id: string
  items: { id: string; quantity: number }[]
  items_list?: any[]
  location_id?: string | null
  shipping_option_id?: string
  no_notification?: boolean
  labels?: { tracking_number: string; tracking_url: string; label_url: string }[]
  delivery_address?: Record<string, unknown>
  requires_shipping?: boolean
  metadata?: Record<string, unknown> | null
  created_by?: string
  additional_data?: Record<string, unknown>
}

/**
 * Medusa's `createOrderFulfillmentWorkflow` (core-flows 2.21.2), step for step and under the
 * order's lock: the same order query and validation, shipping option and provider, fulfillment
 * through the fulfillment module's `createFulfillmentWorkflow`, registration on the order, the
 * order-fulfillment link, `order.fulfillment_created` and the inventory events. One part
 * differs: inventory. Core takes the quantity from EVERY reservation of a line and moves them to
 * the fulfilling location; here only the reservations at the fulfilling location are consumed
 * (and its stock lowered), reservations elsewhere stay, and a location that does not hold enough
 * reserved units is refused, with Medusa's error type and sentence (src/lib/fulfillment), before
 * anything is created. The `fulfillmentCreated` hook exists as in core, for handlers
 * registered on THIS workflow.
 */
export const createPlannedFulfillmentWorkflow = createWorkflow(
  createPlannedFulfillmentWorkflowId,
  (input: CreatePlannedFulfillmentInput) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    const { data: order } = useQueryGraphStep({
      entity: "order",
      filters: { id: input.order_id },
      fields: orderFulfillmentFields,
      options: { throwIfKeyNotFound: true, isList: false },
    }).config({ name: "get-order" })

    createFulfillmentValidateOrder({ order, inputItems: input.items } as any)

    const shippingOptionId = transform({ order, input }, ({ order, input }) => {
      return input.shipping_option_id ?? (order as any).shipping_methods?.[0]?.shipping_option_id
    })
    const shippingMethod = transform({ order, shippingOptionId }, ({ order, shippingOptionId }) => ({
      data: (order as any).shipping_methods?.find((sm: any) => sm.shipping_option_id === shippingOptionId)?.data,
    }))
    const shippingOption = useRemoteQueryStep({
      entry_point: "shipping_options",
      fields: ["id", "provider_id", "service_zone.fulfillment_set.location.id", "shipping_profile_id"],
      variables: { id: shippingOptionId },
      list: false,
    }).config({ name: "get-shipping-option" })

    const lineItemIds = transform({ order, input }, ({ order, input }) => {
      const asked = new Set(input.items.map((i) => i.id))
      return ((input.items_list ?? (order as any).items ?? []) as { id: string }[])
        .map((i) => i.id)
        .filter((id) => asked.has(id))
    })
    const reservations = useRemoteQueryStep({
      entry_point: "reservations",
      fields: ["id", "line_item_id", "quantity", "inventory_item_id", "location_id"],
      variables: { filters: { line_item_id: lineItemIds } },
    }).config({ name: "get-reservations" })

    // Only the reservations at the fulfilling location; refuses what it does not hold.
    const planInput = transform({ order, input, shippingOption, reservations }, (data) => ({
      order: data.order as any,
      items: data.input.items,
      items_list: data.input.items_list,
      reservations: data.reservations as any[],
      location_id: data.input.location_id,
      shipping_option: data.shippingOption as any,
    }))
    const plan = planFulfillmentInventoryStep(planInput)

    const fulfillmentData = transform({ order, input, shippingOption, shippingMethod, plan }, (data) =>
      prepareFulfillmentData({ ...data, shippingOption: data.shippingOption as any })
    )
    const fulfillment = createFulfillmentWorkflow.runAsStep(fulfillmentData as any)

    const registerOrderFulfillmentData = transform({ order, fulfillment, input }, (data) =>
      prepareRegisterOrderFulfillmentData(data as any)
    )
    const link = transform({ order_id: input.order_id, fulfillment }, (data) => [
      {
        [Modules.ORDER]: { order_id: data.order_id },
        [Modules.FULFILLMENT]: { fulfillment_id: data.fulfillment.id },
      },
    ])

    const { toDelete, toUpdate, inventoryAdjustment } = transform({ plan }, ({ plan }) => ({
      toDelete: plan.toDelete,
      toUpdate: plan.toUpdate,
      inventoryAdjustment: plan.inventoryAdjustment,
    }))
    const adjustedLevels = adjustInventoryLevelsStep(inventoryAdjustment as any)

    const { levelUpdatedEvents, reservationUpdatedEvents, reservationDeletedEvents } = transform(
      { adjustedLevels, toUpdate, toDelete, input },
      ({ adjustedLevels, toUpdate, toDelete, input }) => ({
        levelUpdatedEvents: (adjustedLevels as { id: string }[]).map((l) => ({ id: l.id, order_id: input.order_id })),
        reservationUpdatedEvents: toUpdate.map((r) => ({ id: r.id, order_id: input.order_id })),
        reservationDeletedEvents: toDelete.map((id) => ({ id, order_id: input.order_id })),
      })
    )

    parallelize(
      registerOrderFulfillmentStep(registerOrderFulfillmentData as any),
      createRemoteLinkStep(link),
      updateReservationsStep(toUpdate as any),
      deleteReservationsStep(toDelete),
      emitEventStep({
        eventName: OrderWorkflowEvents.FULFILLMENT_CREATED,
        data: { order_id: input.order_id, fulfillment_id: fulfillment.id, no_notification: input.no_notification },
      })
    )
    // After the reservations are updated and deleted, as in core.
    parallelize(
      emitEventStep({ eventName: InventoryLevelWorkflowEvents.UPDATED, data: levelUpdatedEvents }).config({
        name: "emit-inventory-level-updated",
      }),
      emitEventStep({ eventName: ReservationItemWorkflowEvents.UPDATED, data: reservationUpdatedEvents }).config({
        name: "emit-reservation-item-updated",
      }),
      emitEventStep({ eventName: ReservationItemWorkflowEvents.DELETED, data: reservationDeletedEvents }).config({
        name: "emit-reservation-item-deleted",
      })
    )

    const fulfillmentCreated = createHook("fulfillmentCreated", {
      fulfillment,
      additional_data: input.additional_data,
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(fulfillment, { hooks: [fulfillmentCreated] })
  }
)
