// A host app as a store operator writes it: the plugin by package path (absolute, as Medusa
// needs for a local path), options in the plugin entry. OMS_HOST_OPTIONS lets the consumer
// test start it with wrong options too.
const path = require("path")
const { defineConfig } = require("@medusajs/framework/utils")

const pluginRoot = path.resolve(__dirname, "..", "..", "..")
const options = process.env.OMS_HOST_OPTIONS
  ? JSON.parse(process.env.OMS_HOST_OPTIONS)
  : { timezone: "Europe/Amsterdam", routing: { enabled: true } }

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: "host-secret",
      cookieSecret: "host-secret",
    },
  },
  admin: { disable: true },
  plugins: [{ resolve: pluginRoot, options }],
})
