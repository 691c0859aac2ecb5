import { MedusaContainer } from "@medusajs/framework/types"
import { DEMO_ADMIN, ensureAdminUser } from "../../scripts/seed/admin-user"

/** Logs the demo admin in through the real auth route and returns request headers. */
export async function adminHeaders(container: MedusaContainer, api: any) {
  await ensureAdminUser(container)
  const { data } = await api.post("/auth/user/emailpass", DEMO_ADMIN)
  return { headers: { authorization: `Bearer ${data.token}` } }
}
