// The demo admin's login, shared by the scripts (the seed defines the same in TypeScript).
module.exports = { DEMO_LOGIN: { email: "admin@medusa-oms.test", password: "supersecret" } }
