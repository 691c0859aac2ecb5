export * from "./workflows/issue-invoice"
export * from "./workflows/issue-credit-note"
export * from "./workflows/send-customer-message"
export * from "./events"
