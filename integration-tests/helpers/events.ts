import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Every event of that name from now on, to wait for one that matches: an event of earlier work
 * still on its way (the seeded orders' routing, say) cannot be mistaken for the one a test
 * waits for, and one that arrived before the test knew the id it waits for is kept.
 */
export function recordEvents(container: MedusaContainer, name: string) {
  const emitter = (container.resolve(Modules.EVENT_BUS) as any).eventEmitter_
  const events: { data: any }[] = []
  const listener = (event: { data: any }) => void events.push(event)
  emitter.on(name, listener)
  return {
    events,
    async waitFor(matches: (data: any) => boolean, timeoutMs = 30_000): Promise<{ data: any }> {
      const until = Date.now() + timeoutMs
      for (;;) {
        const found = events.find((e) => matches(e?.data))
        if (found) return found
        if (Date.now() > until) throw new Error(`no matching "${name}" event within ${timeoutMs} ms (saw ${events.length})`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    stop: () => void emitter.removeListener(name, listener),
  }
}
