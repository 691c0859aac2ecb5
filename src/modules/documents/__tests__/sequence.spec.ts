import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { DOCUMENTS_MODULE } from ".."
import { Document } from "../models/document"
import { DocumentSequence } from "../models/document-sequence"
import { DocumentSettings } from "../models/document-settings"
import { MessageTemplate } from "../models/message-template"
import { SentMessage } from "../models/sent-message"
import DocumentsModuleService from "../service"
import type { IssueInput } from "../types"

jest.setTimeout(120_000)

const issue = (source: string, build: IssueInput["build"], year = 2026): IssueInput => ({
  source_key: source,
  kind: "invoice",
  store_id: "store_1",
  year,
  format: "INV-{YYYY}-{SEQ:4}",
  row: {
    order_id: source, order_display_id: 1, customer_id: null, invoice_id: null, refund_id: null, return_id: null,
    return_case_id: null, locale: "en", currency_code: "eur", total: 0, tax_total: 0, issued_at: new Date(),
  },
  build,
  totals: () => ({ total: 10, tax_total: 1 }),
})

const file = (number: string) => async () => ({ content: { number } as never, file: Buffer.from(`%PDF ${number}`) })

moduleIntegrationTestRunner<DocumentsModuleService>({
  moduleName: DOCUMENTS_MODULE,
  moduleModels: [Document, DocumentSequence, DocumentSettings, MessageTemplate, SentMessage],
  resolve: "./src/modules/documents",
  testSuite: ({ service }) => {
    it("hands out every number once and leaves no gap when some of the writers fail", async () => {
      // 30 writers at once; every third one fails after it took a number (its render throws).
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          service.issueDocument(
            issue(`order_${i}`, async (number) => {
              await new Promise((r) => setTimeout(r, 5 + (i % 4) * 5))
              if (i % 3 === 2) throw new Error(`render of ${number} failed`)
              return file(number)()
            })
          )
        )
      )
      expect(results.filter((r) => r.status === "rejected")).toHaveLength(10)
      const rows = await service.listDocuments({ kind: "invoice" }, { order: { sequence: "ASC" } })
      expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => `INV-2026-${String(i + 1).padStart(4, "0")}`))
      // The failed orders get the next numbers when they are issued again.
      const retried = await service.issueDocument(issue("order_2", async (n) => file(n)()))
      expect(retried).toMatchObject({ issued: true, document: { number: "INV-2026-0021" } })
    })

    it("issues one document per source however many ask at once, and counts each year apart", async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => service.issueDocument(issue("order_same", async (n) => file(n)()))))
      expect(answers.filter((a) => a.issued)).toHaveLength(1)
      expect(new Set(answers.map((a) => a.document.number))).toEqual(new Set(["INV-2026-0001"]))
      // The losers' numbers rolled back: the next document continues at 2.
      expect((await service.issueDocument(issue("order_other", async (n) => file(n)()))).document.number).toBe("INV-2026-0002")
      expect((await service.issueDocument(issue("order_next_year", async (n) => file(n)(), 2027))).document.number).toBe("INV-2027-0001")
      expect(await service.listDocuments({ source_key: "order_same" })).toHaveLength(1)
    })

    it("claims a message key for one caller only, and again after a failed send", async () => {
      const claim = { idempotency_key: "order.confirmed|order_1|order.confirmed/en", kind: "order.confirmed", entity_id: "order_1", order_id: "order_1", template_key: "order.confirmed/en", locale: "en", to: "a@example.com" }
      const claims = await Promise.all(Array.from({ length: 6 }, () => service.claimMessage(claim)))
      expect(claims.filter(Boolean)).toHaveLength(1)
      await service.updateSentMessages({ id: claims.find(Boolean)!, status: "failed", error: "smtp down" })
      expect(await service.claimMessage(claim)).toBe(claims.find(Boolean))
      expect(await service.claimMessage(claim)).toBeNull()
    })
  },
})
