// One jest config, one entry per layer. scripts/test.js picks the layer through TEST_TYPE
// and sums the results into the closing "N passed, N failed, N skipped" line.
const layers = {
  scripts: ["<rootDir>/scripts/**/__tests__/**/*.spec.[jt]s"],
  // src/workflows/__tests__ holds the upgrade guard and the workflow conventions check: they
  // read installed and source files only (no database, no app).
  unit: ["<rootDir>/src/lib/**/__tests__/**/*.spec.[jt]s", "<rootDir>/src/workflows/**/__tests__/**/*.spec.[jt]s"],
  // Carrier adapters over real HTTP against the local fakes of integration-tests/fakes (no database).
  carriers: ["<rootDir>/integration-tests/carriers/**/*.spec.[jt]s"],
  modules: ["<rootDir>/src/modules/**/__tests__/**/*.spec.[jt]s"],
  http: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
  // One server (or two) and two workers as separate processes on a real Redis, over HTTP.
  cluster: ["<rootDir>/integration-tests/cluster/**/*.spec.[jt]s"],
  consumer: ["<rootDir>/integration-tests/consumer/**/*.spec.[jt]s"],
  browser: ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"],
}

const layer = process.env.TEST_TYPE || "unit"
if (!layers[layer]) {
  throw new Error(`TEST_TYPE must be one of ${Object.keys(layers).join(", ")}; got "${layer}"`)
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true, decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/.data/", "dist/"],
  testMatch: layers[layer],
  setupFiles: ["unit", "scripts", "carriers"].includes(layer) ? [] : ["<rootDir>/integration-tests/setup.js"],
}
