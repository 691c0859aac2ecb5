import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { receiveCarrierWebhook } from "../../../../../workflows/shipping/utils/receive-webhook"

/**
 * POST /hooks/oms/carriers/:carrier[?account=<id>]: a carrier's tracking webhook. The
 * signature is checked on the raw body against each active account of that carrier (or the
 * one named); a forged, altered or stale delivery gets a 401 and changes nothing; a repeated
 * event gets a 200 and changes nothing. The updates are processed after the answer.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const outcome = await receiveCarrierWebhook(req.scope, {
    carrier: req.params.carrier,
    account_id: typeof req.query.account === "string" ? req.query.account : null,
    delivery: {
      headers: req.headers,
      raw_body: ((req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)) as Buffer,
      url: req.originalUrl,
      received_at: new Date(),
    },
  })
  if (outcome.status === "refused") {
    res.status(outcome.http_status).json({ type: "unauthorized", message: outcome.message })
    return
  }
  if (outcome.status === "stored") {
    await req.scope.resolve(Modules.EVENT_BUS).emit({ name: outcome.event, data: { id: outcome.webhook_id } })
  }
  res.status(200).json({ received: true, duplicate: outcome.status === "duplicate" })
}
