import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto"

/**
 * Carrier secrets at rest: AES-256-GCM (node:crypto) under a key derived from the plugin's
 * `shipping.secrets_key`. A sealed value is `v1.<iv>.<tag>.<ciphertext>` (base64url), so a
 * changed or truncated value fails to open instead of decrypting to garbage. The derived key is
 * cached per passphrase: scrypt is slow on purpose and runs once per process.
 */
const VERSION = "v1"
const SALT = "medusa-oms carrier secrets v1"
const derived = new Map<string, Buffer>()

export class SecretsKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "SecretsKeyError"
  }
}

function keyOf(passphrase: string): Buffer {
  if (!passphrase || passphrase.length < 16) {
    throw new SecretsKeyError(
      "medusa-oms: carrier secrets need the plugin option shipping.secrets_key (at least 16 characters, e.g. from OMS_SECRETS_KEY)"
    )
  }
  let key = derived.get(passphrase)
  if (!key) {
    key = scryptSync(passphrase, SALT, 32)
    derived.set(passphrase, key)
  }
  return key
}

/** Encrypts a set of named secrets into one opaque string. */
export function sealSecrets(secrets: Record<string, string>, passphrase: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", keyOf(passphrase), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()])
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".")
}

/**
 * Decrypts what sealSecrets wrote. The error never contains the value: a wrong key or an
 * altered row says so and nothing more.
 */
export function openSecrets(sealed: string | null | undefined, passphrase: string): Record<string, string> {
  if (!sealed) return {}
  const [version, iv, tag, body] = sealed.split(".")
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new SecretsKeyError("medusa-oms: a stored carrier secret is not in a format this version reads")
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(passphrase), Buffer.from(iv, "base64url"))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    const text = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8")
    return JSON.parse(text) as Record<string, string>
  } catch (e) {
    if (e instanceof SecretsKeyError) throw e
    throw new SecretsKeyError(
      "medusa-oms: a stored carrier secret cannot be decrypted: shipping.secrets_key differs from the key it was stored with, or the row was altered"
    )
  }
}
