// Public workflows of medusa-oms (package export "medusa-oms/workflows").
export * from "./routing/workflows/update-location-profile"
