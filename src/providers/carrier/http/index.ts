export * from "./client"
