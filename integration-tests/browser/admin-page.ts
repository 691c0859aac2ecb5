// What the browser specs do with the admin the same way: launch Chromium at 1280 px, log in,
// wait for text, open a row's "..." menu, call the admin API with the page's session, and save
// screenshots of whole pages.
import fs from "fs"
import path from "path"
import { Browser, Locator, Page, chromium } from "playwright-core"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ROOT } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { DEMO_LOGIN } = require("../../scripts/lib/demo")

export const SCREENSHOTS = path.join(ROOT, "artifacts", "screenshots")
export const VIEWPORT = { width: 1280, height: 900 }
// Another test layer may be running on this small machine at the same time: be patient.
export const UI_TIMEOUT = 60_000
// Routing runs in the background after seeding and on re-route; give it longer still.
export const ROUTING_TIMEOUT = 150_000

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

/**
 * A screenshot of everything on the page. The admin scrolls inside its own containers, not
 * the document, so `fullPage` alone stops at the window: the window is made as tall as the
 * content for the shot, then put back.
 */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  const hidden = await page.evaluate(() => {
    let most = 0
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const { overflowY } = getComputedStyle(el)
      if (overflowY === "auto" || overflowY === "scroll") most = Math.max(most, el.scrollHeight - el.clientHeight)
    }
    return most
  })
  const height = Math.min(VIEWPORT.height + hidden, 6000)
  if (height > VIEWPORT.height) await page.setViewportSize({ width: VIEWPORT.width, height })
  try {
    await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true, animations: "disabled" })
  } finally {
    if (height > VIEWPORT.height) await page.setViewportSize(VIEWPORT)
  }
}

/** The trimmed text of a locator. */
export const textOf = async (locator: Locator) => ((await locator.textContent()) ?? "").trim()

/** The text of one table cell, trimmed. */
export const cellText = async (row: Locator, index: number) => textOf(row.locator("td").nth(index))

/** Waits until `locator`'s trimmed text is `expected` (or matches it); the page refetches after saves. */
export async function waitForText(page: Page, locator: Locator, expected: string | RegExp, timeout = UI_TIMEOUT) {
  await locator.waitFor({ timeout })
  const until = Date.now() + timeout
  let last = ""
  for (;;) {
    last = await textOf(locator)
    if (typeof expected === "string" ? last === expected : expected.test(last)) return last
    if (Date.now() > until) throw new Error(`expected "${expected}", still "${last}"`)
    await page.waitForTimeout(250)
  }
}

/** Polls `check` until it returns something truthy. */
export async function eventually<T>(page: Page, what: string, check: () => Promise<T>, timeout = UI_TIMEOUT): Promise<T> {
  const until = Date.now() + timeout
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await page.waitForTimeout(250)
  }
}

/** Opens the admin login page; the first visit can be slow while Vite optimises dependencies. */
export async function openLogin(page: Page, baseUrl: string) {
  let lastError: unknown
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await page.goto(`${baseUrl}/app/login`, { waitUntil: "domcontentloaded", timeout: 120_000 })
      await page.locator('input[name="email"]').waitFor({ timeout: 120_000 })
      return
    } catch (error) {
      lastError = error
    }
  }
  throw lastError
}

/** Logs in as the demo admin through the login form. */
export async function logIn(page: Page, baseUrl: string) {
  await openLogin(page, baseUrl)
  await page.locator('input[name="email"]').fill(DEMO_LOGIN.email)
  await page.locator('input[name="password"]').fill(DEMO_LOGIN.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((u) => !u.pathname.includes("/login"), { timeout: UI_TIMEOUT })
}

/**
 * Opens a row's "..." menu (the trigger has `triggerTestId`) and picks an item. Any menu still
 * open (or closing) is dismissed first, so the item is looked up in the one menu of this row.
 */
export async function rowMenu(page: Page, row: Locator, item: string, triggerTestId = "oms-rule-set-actions") {
  await page.keyboard.press("Escape")
  const until = Date.now() + UI_TIMEOUT
  while ((await page.getByRole("menu").count()) > 0) {
    if (Date.now() > until) throw new Error("a menu stayed open after Escape")
    await page.waitForTimeout(50)
  }
  await row.getByTestId(triggerTestId).click()
  const menu = page.getByRole("menu")
  await menu.waitFor({ timeout: UI_TIMEOUT })
  await menu.getByTestId(item).click()
}

/** Picks `option` in the @medusajs/ui Select whose trigger has `testId`, inside `scope`. */
export async function choose(page: Page, scope: Locator, testId: string, option: string) {
  await scope.getByTestId(testId).click()
  await page.getByRole("option", { name: option, exact: true }).click()
  await page.getByRole("listbox").waitFor({ state: "detached", timeout: UI_TIMEOUT }).catch(() => undefined)
}

/** The admin API with the page's session cookie; throws with the server's answer on failure. */
export function adminApi(page: Page, baseUrl: string) {
  return async <T>(method: "GET" | "POST" | "DELETE", p: string, data?: object): Promise<T> => {
    const response = await page.request.fetch(`${baseUrl}${p}`, { method, data })
    if (!response.ok()) throw new Error(`${method} ${p}: ${response.status()} ${await response.text()}`)
    return (await response.json()) as T
  }
}

/** Closes the toasts so they do not cover the page in a screenshot. */
export async function dismissToasts(page: Page) {
  const toasts = page.locator("[data-sonner-toast]")
  for (let attempt = 0; attempt < 10 && (await toasts.count()) > 0; attempt++) {
    await toasts.first().locator("button").last().click({ timeout: 5_000 }).catch(() => undefined)
    await page.waitForTimeout(300)
  }
}
