/**
 * Finds the part of a zod 4 schema that a field path points at, so a message can say what is
 * allowed there (the values of a discriminator, the fields of an object). Zod's issues do not
 * carry that for a discriminated union whose discriminator matched no option, nor for unknown keys.
 * Reads zod's public `_zod.def`; an unknown wrapper ends the walk with undefined (the message
 * then says less, never something wrong).
 */
type Def = { type: string; [key: string]: unknown }
type Schema = { _zod: { def: Def; propValues?: Record<string, Set<unknown>> } }

const defOf = (schema: unknown): Def | undefined => (schema as Schema | undefined)?._zod?.def

/** Unwraps optional, nullable, default, pipes, lazy...: the schema that really checks the value. */
export function unwrap(schema: unknown, depth = 0): unknown {
  const def = defOf(schema)
  if (!def || depth > 50) return schema
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "catch":
    case "readonly":
    case "success":
      return unwrap(def.innerType, depth + 1)
    case "lazy":
      return unwrap((def.getter as () => unknown)(), depth + 1)
    case "pipe": {
      // z.preprocess and .transform are pipes whose checking side is the non-transform one.
      const inner = defOf(def.in)?.type === "transform" ? def.out : def.in
      return unwrap(inner, depth + 1)
    }
    default:
      return schema
  }
}

const valueAt = (input: unknown, key: PropertyKey): unknown =>
  input !== null && typeof input === "object" ? (input as Record<PropertyKey, unknown>)[key] : undefined

/** The option of a union that the input at that point takes (by discriminator, else the first that has the key). */
function optionFor(def: Def, input: unknown, key: PropertyKey | undefined): unknown {
  const options = (def.options as unknown[]) ?? []
  const discriminator = def.discriminator as string | undefined
  if (discriminator !== undefined) {
    const wanted = valueAt(input, discriminator)
    const match = options.find((o) => (unwrap(o) as Schema)._zod?.propValues?.[discriminator]?.has(wanted))
    if (match) return match
  }
  if (key === undefined) return undefined
  return options.find((o) => fieldsOf(o)?.includes(String(key))) ?? undefined
}

/** The schema of the value at `path` inside `input`, or undefined when the path leaves the schema. */
export function schemaAt(schema: unknown, path: readonly PropertyKey[], input: unknown): unknown {
  let current = unwrap(schema)
  let value = input
  for (const key of path) {
    let def = defOf(current)
    if (def && def.type === "union") {
      current = unwrap(optionFor(def, value, key))
      def = defOf(current)
    }
    if (!def) return undefined
    switch (def.type) {
      case "object":
        current = (def.shape as Record<string, unknown>)[String(key)]
        break
      case "array":
        current = def.element
        break
      case "record":
      case "map":
        current = def.valueType
        break
      case "set":
        current = def.valueType
        break
      case "tuple":
        current = (def.items as unknown[])[Number(key)] ?? def.rest
        break
      default:
        return undefined
    }
    if (current === undefined) return undefined
    current = unwrap(current)
    value = valueAt(value, key)
  }
  return current
}

/** The field names of an object schema (through wrappers), or undefined when it is not one. */
export function fieldsOf(schema: unknown): string[] | undefined {
  const def = defOf(unwrap(schema))
  if (!def) return undefined
  if (def.type === "object") return Object.keys(def.shape as Record<string, unknown>)
  return undefined
}

/** The values a discriminated union accepts for its discriminator, in the options' order. */
export function discriminatorValues(schema: unknown, discriminator: string): unknown[] | undefined {
  const union = unwrap(schema) as Schema | undefined
  const values = union?._zod?.propValues?.[discriminator]
  return values ? [...values] : undefined
}
