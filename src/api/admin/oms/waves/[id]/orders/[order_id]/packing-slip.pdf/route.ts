import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderPackingSlipPdf } from "../../../../../../../../lib/documents"
import { loadPackContext } from "../../../../../../../../workflows/picking/utils/pack-context"
import { AdminPaperQueryType } from "../../../../validators"

/** GET /admin/oms/waves/:id/orders/:order_id/packing-slip.pdf?paper=a4|letter */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { paper } = req.validatedQuery as AdminPaperQueryType
  const ctx = await loadPackContext(req.scope, req.params.id, req.params.order_id)
  const a = (ctx.shipping_address ?? {}) as Record<string, string | null | undefined>
  const pdf = await renderPackingSlipPdf(
    {
      order_display_id: ctx.display_id,
      order_id: ctx.order_id,
      wave_id: ctx.wave.id,
      tote: ctx.tote,
      location_name: ctx.location_name,
      ship_to: {
        name: [a.first_name, a.last_name].filter(Boolean).join(" ") || null,
        company: a.company ?? null,
        address_1: a.address_1 ?? null,
        address_2: a.address_2 ?? null,
        city: a.city ?? null,
        province: a.province ?? null,
        postal_code: a.postal_code ?? null,
        country_code: a.country_code ?? null,
        phone: a.phone ?? null,
      },
      items: ctx.items.map((i) => ({
        sku: i.sku,
        title: i.title,
        variant_title: i.variant_title,
        quantity: i.quantity,
        barcode: i.barcode,
      })),
      generated_at: new Date().toISOString(),
    },
    { paper }
  )
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `attachment; filename="packing-slip-${ctx.display_id}.pdf"`)
  res.status(200).send(pdf)
}
