import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export const DEMO_ADMIN = { email: "admin@medusa-oms.test", password: "supersecret" }

/**
 * Makes sure an admin can log in with email and password; a second call changes nothing.
 * Same steps as `medusa user`: a user, an emailpass identity, and the identity pointing at the user.
 */
export async function ensureAdminUser(
  container: MedusaContainer,
  { email, password } = DEMO_ADMIN
): Promise<{ user_id: string; created: boolean }> {
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const [existing] = await users.listUsers({ email })
  if (existing) return { user_id: existing.id, created: false }

  const user = await users.createUsers({ email, first_name: "Demo", last_name: "Admin" })
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as any)
  if (error || !authIdentity) throw new Error(`could not register ${email}: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  return { user_id: user.id, created: true }
}
