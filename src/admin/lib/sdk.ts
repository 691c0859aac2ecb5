import Medusa from "@medusajs/js-sdk"

/**
 * The Medusa JS SDK for the OMS admin pages. The admin is served by the Medusa server
 * itself, so "/" reaches the API; the dashboard's session cookie authenticates us.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
