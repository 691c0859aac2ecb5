// Preloaded into bench/routing-e2e/profile.ts's servers with --cpu-prof only: SIGUSR2 starts V8's CPU profiler, the next SIGUSR2 writes it.
const inspector = require("inspector")
const fs = require("fs")
let session = null
process.on("SIGUSR2", () => {
  if (!session) {
    session = new inspector.Session()
    session.connect()
    session.post("Profiler.enable", () =>
      session.post("Profiler.setSamplingInterval", { interval: 250 }, () => session.post("Profiler.start"))
    )
    return
  }
  const s = session
  session = null
  s.post("Profiler.stop", (err, res) => {
    if (!err) fs.writeFileSync(`${process.env.OMS_PROFILE_OUT}.${process.pid}.cpuprofile`, JSON.stringify(res.profile))
    s.disconnect()
  })
})
