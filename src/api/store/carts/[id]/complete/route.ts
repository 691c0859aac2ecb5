import { prepareRetrieveQuery } from "@medusajs/framework"
import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { POST as completeCartCore } from "@medusajs/medusa/api/store/carts/[id]/complete/route"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../../modules/routing"
import { completeCartWithRoutingWorkflowId } from "../../../../../workflows/checkout/workflows/complete-cart-with-routing"

/**
 * Replaces Medusa's POST /store/carts/:id/complete (a plugin route at the same path wins;
 * Medusa's own middlewares for it, the order query config, still run first). Same requests,
 * same responses as core's route, but the cart is completed by
 * `completeCartWithRoutingWorkflow`, which reserves stock where routing wants it and splits a
 * line across locations rather than refusing the order. With the plugin option
 * `routing.checkout: false` it is Medusa's own route, unchanged.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { routing } = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE).getOmsOptions()
  if (!routing.checkout) return completeCartCore(req as any, res)

  const cart_id = req.params.id
  const we = req.scope.resolve(Modules.WORKFLOW_ENGINE)
  const { errors, result, transaction } = await we.run(completeCartWithRoutingWorkflowId, {
    input: { id: cart_id },
    throwOnError: false,
  })
  if (!transaction.hasFinished()) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "Cart is already being completed by another request")
  }

  // As in core: a payment error answers 200 with the cart so the shopper can act on it;
  // any other error (validation, stock) is thrown and answered 4xx by the error handler.
  if (errors?.[0]) {
    const error = errors[0].error
    const statusOKErrors: string[] = [
      MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
      MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR,
    ]
    const cartReq = await prepareRetrieveQuery({}, { defaults: defaultStoreCartFields }, req as any)
    const cart = await refetchCart(cart_id, req.scope, cartReq.remoteQueryConfig.fields)
    if (!statusOKErrors.includes(error?.type)) throw error
    res.status(200).json({
      type: "cart",
      cart,
      error: { message: error.message, name: error.name, type: error.type },
    })
    return
  }

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: req.queryConfig.fields,
    filters: { id: result.id },
  })
  res.status(200).json({ type: "order", order: data[0] })
}
