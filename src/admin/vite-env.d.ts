/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the Medusa server runs; the admin is served by it, so "/" by default. */
  readonly VITE_BACKEND_URL?: string
}
