import { createHash } from "crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { formatDocumentNumber } from "../../lib/documents/invoice/numbering"
import { Document } from "./models/document"
import { DocumentSequence } from "./models/document-sequence"
import { DocumentSettings } from "./models/document-settings"
import { MessageTemplate } from "./models/message-template"
import { SentMessage } from "./models/sent-message"
import { DEFAULT_SETTINGS, type DocumentKind, type DocumentRow, type IssueInput, type SettingsRow } from "./types"

type Sql = { execute: (sql: string, params: unknown[]) => Promise<any[]> }
const sql = (sharedContext: Context) => (sharedContext.transactionManager ?? sharedContext.manager) as unknown as Sql

/**
 * Invoices and credit notes with their number sequences, the store's paperwork settings,
 * message templates and the sent-message ledger. Generated CRUD plus the operations whose
 * invariant lives in the database: a number handed out once and without gaps, a document per
 * source, a message per key.
 */
class DocumentsModuleService extends MedusaService({ Document, DocumentSequence, DocumentSettings, MessageTemplate, SentMessage }) {
  /**
   * The document answering `source_key`, issued now if there is none: the next number is taken
   * from the store's sequence for the kind and year, the file is built with it, and both are
   * written in one transaction. Two callers for the same source meet at the unique source key:
   * the loser's transaction (and its number) rolls back, and it gets the winner's document.
   */
  async issueDocument(input: IssueInput): Promise<{ document: DocumentRow; issued: boolean }> {
    const existing = await this.documentFor(input.source_key)
    if (existing) return { document: existing, issued: false }
    try {
      return { document: await this.issue_(input), issued: true }
    } catch (error) {
      const winner = await this.documentFor(input.source_key)
      if (winner) return { document: winner, issued: false }
      throw error
    }
  }

  async documentFor(sourceKey: string): Promise<DocumentRow | null> {
    const [row] = await this.listDocuments({ source_key: sourceKey }, { take: 1 })
    return (row as unknown as DocumentRow | undefined) ?? null
  }

  @InjectTransactionManager()
  protected async issue_(input: IssueInput, @MedusaContext() sharedContext: Context = {}): Promise<DocumentRow> {
    const sequence = await this.takeNumber_(input.store_id, input.kind, input.year, sharedContext)
    const number = formatDocumentNumber(input.format, { year: input.year, sequence })
    const { content, file } = await input.build(number)
    const [row] = await this.createDocuments(
      [
        {
          ...input.row,
          ...input.totals(content),
          kind: input.kind,
          number,
          store_id: input.store_id,
          year: input.year,
          sequence,
          source_key: input.source_key,
          content: content as unknown as Record<string, unknown>,
          file_base64: file.toString("base64"),
          file_sha256: createHash("sha256").update(file).digest("hex"),
          file_size: file.length,
        },
      ],
      sharedContext
    )
    return row as unknown as DocumentRow
  }

  /** The next number of a sequence, under the counter row's lock until the transaction ends. */
  protected async takeNumber_(storeId: string, kind: DocumentKind, year: number, sharedContext: Context): Promise<number> {
    const db = sql(sharedContext)
    await db.execute(
      `INSERT INTO oms_document_sequence (id, store_id, kind, year, next, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, now(), now()) ON CONFLICT DO NOTHING`,
      [`odseq_${storeId}_${kind}_${year}`, storeId, kind, year]
    )
    const rows = await db.execute(
      `UPDATE oms_document_sequence SET next = next + 1, updated_at = now()
        WHERE store_id = ? AND kind = ? AND year = ?
      RETURNING next - 1 AS taken`,
      [storeId, kind, year]
    )
    if (rows.length !== 1) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `No ${kind} sequence for store ${storeId} in ${year}`)
    }
    return Number(rows[0].taken)
  }

  /** The store's settings, or the defaults when it never saved any. */
  async settingsFor(storeId: string): Promise<SettingsRow> {
    const [row] = (await this.listDocumentSettings({ store_id: storeId }, { take: 1 })) as unknown as Partial<SettingsRow>[]
    if (!row) return { ...DEFAULT_SETTINGS, id: null, store_id: storeId }
    const pick = <K extends keyof typeof DEFAULT_SETTINGS>(key: K) => (row[key] ?? DEFAULT_SETTINGS[key]) as (typeof DEFAULT_SETTINGS)[K]
    return {
      id: row.id ?? null,
      store_id: storeId,
      seller: pick("seller"),
      invoice_format: pick("invoice_format"),
      credit_note_format: pick("credit_note_format"),
      invoice_trigger: pick("invoice_trigger"),
      default_locale: pick("default_locale"),
      paper: pick("paper"),
      public_url: pick("public_url"),
      disabled_messages: pick("disabled_messages"),
    }
  }

  async saveSettings(storeId: string, changes: Partial<Omit<SettingsRow, "id" | "store_id">>): Promise<SettingsRow> {
    const current = await this.settingsFor(storeId)
    const { id: _id, store_id: _store, ...values } = { ...current, ...changes }
    if (current.id) await this.updateDocumentSettings({ id: current.id, ...values } as never)
    else await this.createDocumentSettings({ store_id: storeId, ...values } as never)
    return this.settingsFor(storeId)
  }

  /**
   * Claims the right to send one message: true for exactly one caller per key, however often
   * the event arrives (an insert the unique key lets through once). A failed send may be
   * claimed again.
   */
  @InjectManager()
  async claimMessage(
    claim: { idempotency_key: string; kind: string; entity_id: string; order_id: string; template_key: string; locale: string; to: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    const db = sql(sharedContext)
    const id = `omsg_${createHash("sha256").update(claim.idempotency_key).digest("hex").slice(0, 26)}`
    const inserted = await db.execute(
      `INSERT INTO oms_sent_message (id, idempotency_key, kind, entity_id, order_id, template_key, locale, "to", status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sending', now(), now())
       ON CONFLICT DO NOTHING RETURNING id`,
      [id, claim.idempotency_key, claim.kind, claim.entity_id, claim.order_id, claim.template_key, claim.locale, claim.to]
    )
    if (inserted.length === 1) return inserted[0].id
    const retaken = await db.execute(
      `UPDATE oms_sent_message SET status = 'sending', error = NULL, updated_at = now()
        WHERE idempotency_key = ? AND status = 'failed' AND deleted_at IS NULL RETURNING id`,
      [claim.idempotency_key]
    )
    return retaken[0]?.id ?? null
  }
}

export default DocumentsModuleService
