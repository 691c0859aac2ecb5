import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import { ownedOrder } from "../oms/helpers"

const customerOrGuest = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/** Fields a storefront must not choose: the store receives returns at its station, at its location. */
const REFUSED: Record<string, string> = {
  receive_now:
    "receive_now is not accepted from the storefront: returns are received when the parcel arrives (leave it out)",
  location_id:
    "location_id is not accepted from the storefront: the store chooses where a return goes (leave it out)",
}

/**
 * The gate on Medusa's own POST /store/returns (option `returns.guard_store_route`, default
 * true). It refuses `receive_now` and `location_id` (400 naming the field), and requires the
 * logged-in customer, or a guest's `x-oms-return-token`, to own `order_id` (404 otherwise, as
 * for an order that does not exist). Then Medusa's route runs as it is; the return's location is
 * the return shipping option's (what Medusa's fulfillment uses anyway), so the return can be
 * received later. With the option false the gate steps aside and Medusa's behaviour is untouched.
 */
export async function guardStoreReturns(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const returns = req.scope.resolve<ReturnsModuleService>(RETURNS_MODULE)
    if (!returns.getOmsOptions().returns.guard_store_route) return next()
    const body = (req.body ?? {}) as Record<string, unknown>
    if (body.receive_now !== undefined && body.receive_now !== false) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${REFUSED.receive_now}`)
    }
    if (body.location_id !== undefined) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${REFUSED.location_id}`)
    }
    await new Promise<void>((resolve, reject) => {
      Promise.resolve(customerOrGuest(req as any, res, (err?: unknown) => (err ? reject(err) : resolve()))).catch(reject)
    })
    if (typeof body.order_id === "string") {
      await ownedOrder(req, body.order_id)
      const locationId = await returnOptionLocation(req, body.return_shipping)
      if (locationId) {
        body.location_id = locationId
        if (req.validatedBody) (req.validatedBody as Record<string, unknown>).location_id = locationId
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}

/** The stock location of the return shipping option the storefront chose, if it has one. */
async function returnOptionLocation(req: MedusaRequest, shipping: unknown): Promise<string | null> {
  const optionId = (shipping as { option_id?: unknown } | undefined)?.option_id
  if (typeof optionId !== "string") return null
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "service_zone.fulfillment_set.location.id"],
    filters: { id: optionId },
  })
  return (data[0] as any)?.service_zone?.fulfillment_set?.location?.id ?? null
}

export const storeReturnsGateMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/returns", method: ["POST"], middlewares: [guardStoreReturns] },
]
