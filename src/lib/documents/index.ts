export { renderPickListPdf } from "./pick-list-pdf"
export { renderPackingSlipPdf } from "./packing-slip-pdf"
export type * from "./types"
