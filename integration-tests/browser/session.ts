// One admin session per browser spec: its own seeded server and database (./server.ts), Chromium
// at 1280 px, a page whose errors are kept, and everything torn down after the spec. Call
// `adminSession` at the top of a spec: it registers the beforeAll/afterAll hooks.
import { Browser, Page } from "playwright-core"
import { launchBrowser, UI_TIMEOUT, VIEWPORT } from "./admin-page"
import { Server, dropServerDatabase, startServer, tail } from "./server"

export type AdminSession = {
  /** Set once the spec's beforeAll hooks have run. */
  readonly server: Server
  readonly page: Page
  url: (path: string) => string
  /** Runs a test body; on failure the page's errors and the server log's tail join the message. */
  withServerLog: (fn: () => Promise<void>) => Promise<void>
}

export function adminSession(
  database: string,
  options: { orders: number; acceptDownloads?: boolean; demoCarrier?: boolean; history?: boolean | number; setupTimeoutMs?: number }
): AdminSession {
  let server: Server | undefined
  let browser: Browser | undefined
  let page: Page | undefined
  const pageErrors: string[] = []

  beforeAll(async () => {
    server = await startServer({ database, orders: options.orders, demoCarrier: options.demoCarrier, history: options.history })
    browser = await launchBrowser()
    // Playwright gives each new context a fresh, throwaway profile directory.
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: options.acceptDownloads ?? false })
    context.setDefaultTimeout(UI_TIMEOUT)
    page = await context.newPage()
    page.on("pageerror", (error) => pageErrors.push(error.message))
  }, options.setupTimeoutMs ?? 480_000)

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    if (server) {
      await server.stop()
      await dropServerDatabase(server.db, database).catch((error) => console.warn(`could not drop ${database}: ${error}`))
    }
  }, 60_000)

  return {
    get server() {
      if (!server) throw new Error("the admin session's server is not started yet")
      return server
    },
    get page() {
      if (!page) throw new Error("the admin session's page is not open yet")
      return page
    },
    url: (path: string) => `${server!.baseUrl}${path}`,
    withServerLog: async (fn) => {
      try {
        await fn()
      } catch (error) {
        const log = server ? `\n--- tail of the server log ---\n${tail(server.logFile, 40)}` : ""
        const errors = pageErrors.length ? `\n--- page errors ---\n${pageErrors.slice(-5).join("\n")}` : ""
        ;(error as Error).message += `${errors}${log}`
        throw error
      }
    },
  }
}
