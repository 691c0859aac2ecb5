import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { OmsOptions, parseOmsOptions } from "../../lib/config/options"
import type { CarrierAccountConfig, CarrierAdapter } from "../../lib/shipping/contract"
import { openSecrets, sealSecrets } from "../../lib/shipping/secrets"
import { AdapterOptions, createAdapter } from "../../providers/carrier/adapters"
import { sharedPace, SharedPaceDeps as PaceDeps } from "../../providers/carrier/rate-limit"
import { accountPace } from "../../lib/shipping/limits"
import { CarrierAccount } from "./models/carrier-account"
import { Label } from "./models/label"
import { TrackingEvent } from "./models/tracking-event"
import { CarrierWebhook } from "./models/carrier-webhook"
import { purchaseLabel, resolveUnknownLabel, voidLedgerLabel } from "./ledger/purchase"
import type { CarrierAccountInput, LabelRow, PublicCarrierAccount, PurchaseInput } from "./types"

type AccountRow = {
  id: string
  carrier: CarrierAccountConfig["carrier"]
  name: string
  base_url: string | null
  settings: Record<string, unknown> | null
  services: { code: string; name: string }[] | null
  secrets_sealed: string | null
  secret_names: string[] | null
  webhook_secret_sealed: string | null
  active: boolean
  created_at: Date
  updated_at: Date
}

/**
 * Carrier accounts (secrets sealed at rest), the label ledger and tracking events, plus the
 * ledger's invariant operations (purchase, resolve, void) kept out of the generated CRUD:
 * they are the only way a label is bought, so the fulfillment provider and the workflows
 * share one path.
 */
class ShippingModuleService extends MedusaService({ CarrierAccount, Label, TrackingEvent, CarrierWebhook }) {
  protected readonly omsOptions_: OmsOptions
  /** Tests and the benchmark may build adapters their own way (hooks for retries, a limiter). */
  adapterFactory: (config: CarrierAccountConfig, options?: AdapterOptions) => CarrierAdapter = (config, options) =>
    createAdapter(config, options)

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.omsOptions_ = parseOmsOptions(options ?? {})
  }

  private secretsKey(): string {
    return this.omsOptions_.shipping.secrets_key ?? ""
  }

  // ---- carrier accounts -------------------------------------------------------------------

  /** Values are sealed here; the row never holds a plain secret. */
  private sealedFields(input: Partial<CarrierAccountInput>) {
    const out: Record<string, unknown> = {}
    if (input.secrets !== undefined) {
      const names = Object.keys(input.secrets ?? {}).sort()
      out.secrets_sealed = names.length ? sealSecrets(input.secrets!, this.secretsKey()) : null
      out.secret_names = names
    }
    if (input.webhook_secret !== undefined) {
      out.webhook_secret_sealed = input.webhook_secret ? sealSecrets({ webhook_secret: input.webhook_secret }, this.secretsKey()) : null
    }
    return out
  }

  async createCarrierAccount(input: CarrierAccountInput): Promise<PublicCarrierAccount> {
    const { secrets: _s, webhook_secret: _w, ...plain } = input
    const row = await this.createCarrierAccounts({ ...plain, ...this.sealedFields(input) } as any)
    return toPublicAccount(row as unknown as AccountRow)
  }

  async updateCarrierAccount(id: string, input: Partial<CarrierAccountInput>): Promise<PublicCarrierAccount> {
    await this.retrieveAccountRow(id)
    const { secrets: _s, webhook_secret: _w, ...plain } = input
    const row = await this.updateCarrierAccounts({ id, ...plain, ...this.sealedFields(input) } as any)
    return toPublicAccount(row as unknown as AccountRow)
  }

  async listPublicCarrierAccounts(
    filters: Record<string, unknown> = {},
    page: { skip?: number; take?: number } = {}
  ): Promise<[PublicCarrierAccount[], number]> {
    const [rows, count] = await this.listAndCountCarrierAccounts(filters, { ...page, order: { created_at: "ASC" } })
    return [(rows as unknown as AccountRow[]).map(toPublicAccount), count]
  }

  async retrievePublicCarrierAccount(id: string): Promise<PublicCarrierAccount> {
    return toPublicAccount(await this.retrieveAccountRow(id))
  }

  private async retrieveAccountRow(id: string): Promise<AccountRow> {
    const [row] = (await this.listCarrierAccounts({ id }, { take: 1 })) as unknown as AccountRow[]
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Carrier account ${id} was not found`)
    return row
  }

  /** The account with its secrets opened, in memory only, for building an adapter. */
  async accountConfig(id: string): Promise<CarrierAccountConfig & { id: string; name: string; active: boolean }> {
    const row = await this.retrieveAccountRow(id)
    return {
      id: row.id,
      name: row.name,
      active: row.active,
      carrier: row.carrier,
      base_url: row.base_url,
      settings: row.settings ?? {},
      secrets: openSecrets(row.secrets_sealed, this.secretsKey()),
    }
  }

  /** The webhook secrets of every active account of a carrier (the hook route tries each). */
  async webhookSecrets(carrier: string): Promise<{ account_id: string; secrets: Record<string, string> }[]> {
    const rows = (await this.listCarrierAccounts({ carrier, active: true }, { take: null })) as unknown as AccountRow[]
    return rows
      .filter((r) => r.webhook_secret_sealed)
      .map((r) => ({ account_id: r.id, secrets: openSecrets(r.webhook_secret_sealed, this.secretsKey()) }))
  }

  /**
   * The account's adapter. With `pace` (Medusa's cache and locking modules, which only the
   * callers' containers hold), every request waits for the account's shared slot (see
   * src/providers/carrier/rate-limit), so all processes together stay under the carrier's limit.
   */
  async adapterFor(accountId: string, pace?: PaceDeps): Promise<CarrierAdapter> {
    const config = await this.accountConfig(accountId)
    const limit = pace ? accountPace(config.carrier, config.settings) : null
    const acquire = limit && pace ? sharedPace(accountId, limit, pace).acquire : undefined
    return this.adapterFactory(config, acquire ? { acquire: async () => void (await acquire()) } : undefined)
  }

  // ---- the ledger ---------------------------------------------------------------------------

  /** Buys exactly once per idempotency key (see ledger/purchase.ts). */
  async purchase(input: PurchaseInput, pace?: PaceDeps): Promise<LabelRow> {
    return purchaseLabel(this, input, pace)
  }

  /** An `unknown` row settled by asking the carrier for our reference; never by buying again. */
  async resolveUnknown(labelId: string): Promise<LabelRow> {
    return resolveUnknownLabel(this, await this.retrieveLabelRow(labelId))
  }

  /** Voids a purchased label at the carrier and records the outcome. */
  async voidLabel(labelId: string): Promise<LabelRow> {
    return voidLedgerLabel(this, await this.retrieveLabelRow(labelId))
  }

  async retrieveLabelRow(id: string): Promise<LabelRow> {
    const [row] = (await this.listLabels({ id }, { take: 1 })) as unknown as LabelRow[]
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Label ${id} was not found`)
    return row
  }

  /** The live row (pending, unknown or purchased) under a key, if any. */
  async liveLabel(key: string): Promise<LabelRow | null> {
    const [row] = (await this.listLabels(
      { idempotency_key: key, status: ["pending", "unknown", "purchased"] },
      { take: 1 }
    )) as unknown as LabelRow[]
    return row ?? null
  }
}

export function toPublicAccount(row: AccountRow): PublicCarrierAccount {
  return {
    id: row.id,
    carrier: row.carrier,
    name: row.name,
    base_url: row.base_url,
    settings: row.settings ?? {},
    services: row.services ?? [],
    secrets_set: row.secret_names ?? [],
    webhook_secret_set: !!row.webhook_secret_sealed,
    active: row.active,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

export default ShippingModuleService
