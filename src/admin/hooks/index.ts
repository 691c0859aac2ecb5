export * from "./oms"
