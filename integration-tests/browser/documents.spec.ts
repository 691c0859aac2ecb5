// Invoices and customer messages in the admin, used through a real browser: on an order's page
// issue its invoice and download it (the file is read back: its number, totals and the
// customer's name with Polish and Cyrillic letters), find it on the Documents page, then edit a
// message template in Polish and preview it before saving.
// Runs against its own seeded server and database (see ./server.ts).
import { readFileSync } from "fs"
import { Page } from "playwright-core"
import { pdfText } from "../helpers/picking"
import { adminApi, choose, dismissToasts, eventually, logIn, screenshot as saveScreenshot, textOf as text, waitForText } from "./admin-page"
import type { Server } from "./server"
import { adminSession } from "./session"

const DATABASE = "medusa_oms_browser_documents"

jest.setTimeout(240_000)

const session = adminSession(DATABASE, { orders: 2, acceptDownloads: true })
const { url, withServerLog } = session
let page: Page
let server: Server
beforeAll(() => {
  page = session.page
  server = session.server
})

const screenshot = (name: string) => saveScreenshot(page, name)
const api = <T,>(method: "GET" | "POST" | "DELETE", p: string, data?: object): Promise<T> => adminApi(page, server.baseUrl)<T>(method, p, data)

describe("Documents in the admin", () => {
  let number = ""

  it("issues an order's invoice on its page and downloads it with the number, the totals and the customer's name", () =>
    withServerLog(async () => {
      await logIn(page, server.baseUrl)
      const { orders } = await api<{ orders: Array<{ id: string; display_id: number; total: number; currency_code: string }> }>(
        "GET",
        "/admin/orders?limit=1&fields=id,display_id,total,currency_code"
      )
      const order = orders[0]
      await api("POST", `/admin/orders/${order.id}`, { billing_address: { first_name: "Łukasz Дмитрий", last_name: "Żółć" } })

      await page.goto(url(`/app/orders/${order.id}`), { waitUntil: "domcontentloaded" })
      const widget = page.getByTestId("oms-order-documents")
      await widget.getByTestId("oms-order-documents-empty").waitFor()
      await widget.getByTestId("oms-issue-invoice").click()
      const row = widget.getByTestId("oms-order-document").first()
      await row.waitFor()
      number = await text(row.getByTestId("oms-document-number"))
      expect(number).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{5}$`))
      await dismissToasts(page)
      await widget.scrollIntoViewIfNeeded()
      await screenshot("documents-order-widget.png")

      const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("oms-document-download").click()])
      expect(download.suggestedFilename()).toBe(`${number}.pdf`)
      const file = readFileSync((await download.path())!)
      const pdf = await pdfText(file)
      expect(pdf).toContain(`Invoice ${number}`)
      expect(pdf).toContain(`Order #${order.display_id}`)
      expect(pdf).toContain("Łukasz Дмитрий Żółć")
      expect(pdf).toContain(`${Number(order.total).toFixed(2)} ${order.currency_code.toUpperCase()}`)

      // A second download is the same file, byte for byte.
      const [again] = await Promise.all([page.waitForEvent("download"), row.getByTestId("oms-document-download").click()])
      expect(readFileSync((await again.path())!).equals(file)).toBe(true)
    }), 420_000)

  it("lists the invoice on the Documents page, filtered by kind and number", () =>
    withServerLog(async () => {
      await page.goto(url("/app/oms/documents"), { waitUntil: "domcontentloaded" })
      const table = page.getByTestId("oms-documents-table")
      await table.getByTestId("oms-documents-row").first().waitFor()
      await choose(page, table, "oms-documents-kind", "Credit notes")
      await table.getByText("No documents match.").waitFor()
      await choose(page, table, "oms-documents-kind", "Invoices")
      await table.getByTestId("oms-documents-search").fill(number.slice(-5))
      await waitForText(page, table.getByTestId("oms-documents-row").first(), new RegExp(number))
      expect(await table.getByTestId("oms-documents-row").count()).toBe(1)
      await screenshot("documents-list.png")
    }), 240_000)

  it("edits a message template in Polish, previews it with sample values, and saves it", () =>
    withServerLog(async () => {
      const editor = page.getByTestId("oms-template-editor")
      await editor.scrollIntoViewIfNeeded()
      await choose(page, editor, "oms-template-kind", "Parcel shipped")
      await choose(page, editor, "oms-template-locale", "pl")
      const polish = "Zamówienie {{order_number}} jest w drodze"
      await eventually(page, "the Polish subject", async () => (await editor.getByTestId("oms-template-subject").inputValue()) === polish)

      await editor.getByTestId("oms-template-subject").fill("Paczka do {{customer_name}} wysłana")
      await editor.getByTestId("oms-template-body").fill("Przewoźnik: {{carrier}}\nNumer: {{tracking_number}}\n{{#each items}}- {{quantity}} × {{title}}\n{{/each}}")
      await editor.getByTestId("oms-template-preview").click()
      const subject = editor.getByTestId("oms-preview-subject")
      expect(await waitForText(page, subject, /wysłana/)).toBe("Paczka do Łukasz Żółć wysłana")
      const body = await text(editor.getByTestId("oms-preview-body"))
      expect(body).toContain("Przewoźnik: DHL Express")
      expect(body).toContain("- 2 × Organic Cotton T-Shirt (M)")
      await screenshot("documents-template-preview.png")

      // A placeholder the message does not have is shown in the preview and refused on save.
      await editor.getByTestId("oms-template-subject").fill("Paczka do {{klient}}")
      await editor.getByTestId("oms-template-preview").click()
      await waitForText(page, editor.getByTestId("oms-preview-problem").first(), /\{\{klient\}\} is not a placeholder/)
      await editor.getByTestId("oms-template-subject").fill("Paczka do {{customer_name}} wysłana")
      await editor.getByTestId("oms-template-save").click()
      await editor.getByText("edited").waitFor()

      const { templates } = await api<{ templates: Array<{ kind: string; locale: string; subject: string; edited: boolean }> }>("GET", "/admin/oms/messages/templates")
      expect(templates.find((t) => t.kind === "order.shipped" && t.locale === "pl")).toMatchObject({ edited: true, subject: "Paczka do {{customer_name}} wysłana" })
      expect(templates.find((t) => t.kind === "order.shipped" && t.locale === "en")).toMatchObject({ edited: false })
      await dismissToasts(page)
      await screenshot("documents-template-saved.png")
    }), 240_000)
})
