import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

// The development and demo app. It loads the plugin straight from src/: API routes,
// subscribers, workflows, links and admin extensions load by convention; modules must be
// listed. A store operator's own app lists the plugin instead (see README.md).
loadEnv(process.env.NODE_ENV || "development", process.cwd())

const omsOptions = {
  timezone: process.env.OMS_TIMEZONE || "UTC",
  routing: {
    enabled: process.env.OMS_ROUTING_ENABLED !== "false",
    // OMS_ROUTING_CHECKOUT=false keeps Medusa's own cart completion (benchmarks compare both).
    checkout: process.env.OMS_ROUTING_CHECKOUT !== "false",
    // OMS_ROUTING_FULFILLMENT=false keeps Medusa's own Create Fulfillment route.
    fulfillment: process.env.OMS_ROUTING_FULFILLMENT !== "false",
  },
  shipping: {
    // Carrier secrets are sealed under this passphrase. The fallback is for development and
    // tests ONLY (it is public in this file): set OMS_SECRETS_KEY in every real deployment.
    secrets_key:
      process.env.OMS_SECRETS_KEY ||
      (process.env.NODE_ENV === "production" ? undefined : "medusa-oms development key, not secret"),
  },
}

// Production mode: with REDIS_URL set, every process of the shop shares Medusa's Redis event
// bus (events at least once, across processes), workflow engine, locking provider (the order,
// wave, label and store-credit locks and the carrier pace hold across processes) and cache.
// MEDUSA_WORKER_MODE splits HTTP servers ("server": no subscribers or jobs) from workers
// ("worker": subscribers and scheduled jobs, /health only). Without REDIS_URL (npm run dev, the
// tests) all of it stays in memory in one process.
const REDIS_URL = process.env.REDIS_URL
const redisModules = REDIS_URL
  ? [
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl: REDIS_URL } },
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: REDIS_URL } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: REDIS_URL } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: REDIS_URL } },
          ],
        },
      },
    ]
  : []

type WorkerMode = "shared" | "server" | "worker"
const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as WorkerMode
if (!["shared", "server", "worker"].includes(workerMode)) {
  throw new Error(`MEDUSA_WORKER_MODE must be shared, server or worker; got "${workerMode}"`)
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
    workerMode,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  modules: [
    ...redisModules,
    {
      resolve: "./src/modules/routing",
      options: omsOptions,
    },
    {
      resolve: "./src/modules/picking",
      options: omsOptions,
    },
    {
      resolve: "./src/modules/shipping",
      options: omsOptions,
    },
    {
      resolve: "./src/modules/returns",
      options: omsOptions,
    },
    {
      resolve: "./src/modules/documents",
      options: omsOptions,
    },
    {
      resolve: "./src/modules/metrics",
      options: omsOptions,
    },
    {
      // Customer messages go out through Medusa's notification module. The local provider logs
      // them (dev and tests); a store lists its own, e.g. @medusajs/medusa/notification-sendgrid.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } },
        ],
      },
    },
    {
      // Medusa's fulfillment module with the plugin's carrier provider (id carrier_oms) beside
      // the manual one. The provider reads the label ledger and the ship-from addresses, so
      // those modules are listed as the fulfillment module's dependencies.
      resolve: "@medusajs/medusa/fulfillment",
      dependencies: ["oms_shipping", Modules.STOCK_LOCATION, Modules.FULFILLMENT],
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          {
            resolve: "./src/providers/carrier",
            id: "oms",
            // OMS_QUOTE_CACHE_SECONDS=0 asks the carrier on every checkout price (bench:labels compares).
            options: { quote_cache_seconds: Number(process.env.OMS_QUOTE_CACHE_SECONDS ?? 600) },
          },
        ],
      },
    },
  ],
})
