export * from "./lock-keys"
