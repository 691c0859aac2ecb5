/**
 * The first checkout after a deploy should not build the gazetteer: the routing module's start-up
 * does, in the background, when routing is on (and leaves it alone when routing is off).
 */
type Loader = (args: { options?: Record<string, unknown>; logger?: unknown }) => Promise<void>

function freshModules(): { loader: Loader; isBuilt: () => boolean } {
  let loader!: Loader
  let isBuilt!: () => boolean
  jest.isolateModules(() => {
    loader = require("../loaders/warm-geocoder").default
    isBuilt = require("../../../lib/geo").isBundledGazetteerBuilt
  })
  return { loader, isBuilt }
}

const nextTimers = () => new Promise((resolve) => setTimeout(resolve, 10))

describe("warming the geocoder at start-up", () => {
  it("builds the bundled gazetteer after the loader returns, with routing on", async () => {
    const { loader, isBuilt } = freshModules()
    const debug = jest.fn()
    await loader({ options: { timezone: "UTC" }, logger: { debug } })
    // Not inside the loader: Medusa's start-up goes on while the timer waits its turn.
    expect(isBuilt()).toBe(false)
    await nextTimers()
    expect(isBuilt()).toBe(true)
    expect(debug).toHaveBeenCalledWith(expect.stringMatching(/^medusa-oms: bundled gazetteer built in \d+ ms$/))
  })

  it("leaves it unbuilt when routing is off", async () => {
    const { loader, isBuilt } = freshModules()
    await loader({ options: { routing: { enabled: false } } })
    await nextTimers()
    expect(isBuilt()).toBe(false)
  })

  it("stops start-up on an invalid option, naming it, as the options loader does", async () => {
    const { loader } = freshModules()
    await expect(loader({ options: { routing: { enabled: "yes" } } })).rejects.toThrow(/routing\.enabled/)
  })
})
