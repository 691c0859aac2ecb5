import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * The next event of that name as the event bus delivers it ({ name, data, metadata }).
 * TestEventUtils.waitSubscribersExecution answers with the subscribers' results once an
 * event has subscribers (ours, like shadow mode), so a test that reads the payload listens itself.
 */
export function nextEvent(container: MedusaContainer, name: string, timeoutMs = 30_000): Promise<{ data: any }> {
  const emitter = (container.resolve(Modules.EVENT_BUS) as any).eventEmitter_
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.removeListener(name, listener)
      reject(new Error(`no "${name}" event within ${timeoutMs} ms`))
    }, timeoutMs)
    const listener = (event: { data: any }) => {
      clearTimeout(timer)
      emitter.removeListener(name, listener)
      resolve(event)
    }
    emitter.on(name, listener)
  })
}
