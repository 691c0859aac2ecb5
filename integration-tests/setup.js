// Each spec file boots its own Medusa container; MikroORM keeps model metadata in a
// process-wide store, so it is cleared before a file starts.
const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()
