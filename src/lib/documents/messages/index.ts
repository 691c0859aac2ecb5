export * from "./events"
export { formatMoney, renderTemplate, templateProblems } from "./render"
export { DEFAULT_TEMPLATES, PLACEHOLDERS, SAMPLE_DATA, templateFor } from "./defaults"
