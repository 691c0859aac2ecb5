// Public workflows of the returns capability (re-exported by src/workflows/index.ts).
export * from "./events"
export * from "./workflows/request-return"
export * from "./workflows/record-core-return"
