/** POST /admin/oms/waves/:id/labels: what was bought, what had a label already, what failed and why. */
export type AdminBuyWaveLabelsResponse = {
  bought: { order_id: string; label_id: string }[]
  already: { order_id: string; label_id: string }[]
  failed: { order_id: string; message: string }[]
}
