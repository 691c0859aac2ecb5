import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Headers = { headers: Record<string, string> }

/** The order's documents as the admin lists them. */
export async function documentsOf(api: any, admin: Headers, orderId: string) {
  const { data } = await api.get(`/admin/oms/documents?order_id=${orderId}`, admin)
  return data.documents as any[]
}

/** Waits until the order has `count` documents (subscribers work after the request answered). */
export async function waitForDocuments(api: any, admin: Headers, orderId: string, count: number, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const documents = await documentsOf(api, admin, orderId)
    if (documents.length >= count) return documents
    if (Date.now() > until) throw new Error(`order ${orderId} has ${documents.length} document(s), expected ${count}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** A file route's bytes. */
export async function download(api: any, url: string, headers: Headers) {
  const res = await api.get(url, { ...headers, responseType: "arraybuffer" })
  return { status: res.status, type: res.headers["content-type"], body: Buffer.from(res.data) }
}

/**
 * Emits an event `times` times at once through the app's event bus and waits until EVERY
 * subscriber finished EVERY delivery (each subscriber is one listener of the local event bus;
 * TestEventUtils counts completions over all of them together, so a fast subscriber could end
 * the wait while a slow one still works).
 */
export async function emitRepeatedly(container: MedusaContainer, name: string, data: Record<string, unknown>, times = 3, timeoutMs = 60_000) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const emitter = (eventBus as any).eventEmitter_
  const originals: ((...args: unknown[]) => unknown)[] = emitter.listeners(name)
  let pending = originals.length * times
  let done!: () => void
  const finished = new Promise<void>((resolve) => (done = resolve))
  const wrappers = originals.map((listener) => async (...args: unknown[]) => {
    try {
      await listener(...args)
    } finally {
      if (--pending === 0) done()
    }
  })
  originals.forEach((listener, i) => {
    emitter.removeListener(name, listener)
    emitter.on(name, wrappers[i])
  })
  try {
    await Promise.all(Array.from({ length: times }, () => eventBus.emit({ name, data })))
    if (pending > 0) {
      await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error(`"${name}" x${times}: ${pending} deliveries still running after ${timeoutMs} ms`)), timeoutMs).unref())])
    }
  } finally {
    originals.forEach((listener, i) => {
      emitter.removeListener(name, wrappers[i])
      emitter.on(name, listener)
    })
  }
}

/** The notification module's records for one recipient and message. */
export async function notificationsTo(container: MedusaContainer, to: string, template: string) {
  return container.resolve(Modules.NOTIFICATION).listNotifications({ to, template }, { take: 100 })
}
