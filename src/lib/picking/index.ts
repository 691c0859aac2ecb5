export {
  DEFAULT_WALK_ORDER,
  MAX_WALK_SEQUENCE,
  MAX_BIN_CODE_LENGTH,
  normalizeBinCode,
  normalizeWalkOrder,
  parseBinCode,
  binWalkSequence,
} from "./bin-code"
export { compareStops } from "./walk-order"
export { parseBinsCsv, binsToCsv, BIN_CSV_COLUMNS } from "./bins-csv"
export { selectWaveOrders, waveUnits } from "./wave-selection"
export { assignTotes } from "./totes"
export { buildPickList } from "./pick-list"
export { startScan, applyScan, scanProgress, scanStateAt } from "./scan"
export { fillTotes, shortAllocations } from "./short-pick"
export { parcelFromItems } from "./parcel"
export { startPackScan, applyPackScan, packComplete } from "./pack-scan"
export type * from "./types"
export { binFields } from "./bin-fields"
export type { BinUpsert } from "./bin-fields"
export { orderWaveStatus, packableUnits, everyOrderPacked } from "./order-status"
export type { OrderWaveStatus } from "./order-status"
export { closeStopLines, shrinkWalk, scanTotals } from "./stop-lines"
export { planWave, pickListInput } from "./wave-plan"
export type { PlannedWaveLine, WavePlan } from "./wave-plan"
export { packBenchItems } from "./pack-items"
export type { OrderLineSnapshot, PackBenchItem, VariantMeasures } from "./pack-items"
