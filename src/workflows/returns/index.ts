export * from "./events"
export * from "./workflows/create-return-policy"
export * from "./workflows/update-return-policy"
export * from "./workflows/delete-return-policy"
