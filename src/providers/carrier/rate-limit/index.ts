export * from "./shared-pace"
