/**
 * The demo catalog: 26 products, 88 variants, each with a SKU, an EAN-13 barcode, weight and
 * dimensions, and stock spread unevenly over the warehouses (some variants in one warehouse
 * only, some in several, some nearly sold out). Generated from a fixed seed so every run,
 * and every test, sees the same store.
 */
import { DEMO_LOCATIONS } from "./geography"

export type DemoVariant = {
  title: string
  sku: string
  barcode: string
  options: Record<string, string>
  weight: number // grams
  length: number // millimetres
  width: number
  height: number
  prices: { usd: number; eur: number; gbp: number }
  /** Units on hand per location key; a missing key means the item is not stocked there. */
  stock: Record<string, number>
}

export type DemoProduct = {
  title: string
  handle: string
  description: string
  type: string
  tags: string[]
  option: { title: string; values: string[] }
  variants: DemoVariant[]
}

type Family = {
  title: string
  code: string
  type: string
  tags: string[]
  option: { title: string; values: string[]; codes: string[] }
  price: number
  weight: number
  size: [number, number, number]
}

const SIZES = { title: "Size", values: ["S", "M", "L", "XL"], codes: ["S", "M", "L", "XL"] }
const COLORS = { title: "Color", values: ["Black", "White", "Blue"], codes: ["BLK", "WHT", "BLU"] }
const CAPACITY = { title: "Capacity", values: ["350 ml", "500 ml", "750 ml"], codes: ["350", "500", "750"] }

const FAMILIES: Family[] = [
  { title: "Classic Tee", code: "TEE", type: "Apparel", tags: ["cotton"], option: SIZES, price: 25, weight: 180, size: [300, 250, 20] },
  { title: "Heavy Hoodie", code: "HOOD", type: "Apparel", tags: ["winter"], option: SIZES, price: 65, weight: 650, size: [350, 300, 60] },
  { title: "Crew Sweatshirt", code: "CREW", type: "Apparel", tags: ["winter"], option: SIZES, price: 55, weight: 520, size: [350, 300, 50] },
  { title: "Rain Jacket", code: "RAIN", type: "Apparel", tags: ["outdoor"], option: SIZES, price: 120, weight: 480, size: [400, 300, 60] },
  { title: "Chino Shorts", code: "CHINO", type: "Apparel", tags: ["summer"], option: SIZES, price: 45, weight: 300, size: [300, 250, 40] },
  { title: "Merino Socks", code: "SOCK", type: "Apparel", tags: ["wool"], option: SIZES, price: 18, weight: 80, size: [200, 100, 30] },
  { title: "Running Cap", code: "CAP", type: "Accessories", tags: ["outdoor"], option: COLORS, price: 22, weight: 90, size: [250, 200, 120] },
  { title: "Canvas Tote", code: "TOTE", type: "Accessories", tags: ["cotton"], option: COLORS, price: 20, weight: 200, size: [400, 380, 10] },
  { title: "Laptop Sleeve", code: "SLV", type: "Accessories", tags: ["office"], option: COLORS, price: 35, weight: 250, size: [380, 270, 25] },
  { title: "Leather Belt", code: "BELT", type: "Accessories", tags: ["leather"], option: SIZES, price: 40, weight: 220, size: [300, 120, 40] },
  { title: "Enamel Mug", code: "MUG", type: "Kitchen", tags: ["camping"], option: COLORS, price: 16, weight: 300, size: [120, 100, 100] },
  { title: "Travel Bottle", code: "BTL", type: "Kitchen", tags: ["outdoor"], option: CAPACITY, price: 28, weight: 350, size: [280, 80, 80] },
  { title: "Coffee Tumbler", code: "TMB", type: "Kitchen", tags: ["office"], option: CAPACITY, price: 30, weight: 320, size: [200, 90, 90] },
  { title: "Lunch Box", code: "LUNCH", type: "Kitchen", tags: ["office"], option: COLORS, price: 24, weight: 400, size: [220, 160, 80] },
  { title: "Chef Apron", code: "APRON", type: "Kitchen", tags: ["cotton"], option: COLORS, price: 32, weight: 260, size: [300, 250, 30] },
  { title: "Dot Notebook", code: "NOTE", type: "Stationery", tags: ["office"], option: COLORS, price: 14, weight: 280, size: [210, 148, 15] },
  { title: "Gel Pen Set", code: "PEN", type: "Stationery", tags: ["office"], option: COLORS, price: 9, weight: 60, size: [160, 60, 15] },
  { title: "Desk Planner", code: "PLAN", type: "Stationery", tags: ["office"], option: COLORS, price: 19, weight: 420, size: [297, 210, 20] },
  { title: "Sticker Pack", code: "STK", type: "Stationery", tags: ["gift"], option: COLORS, price: 6, weight: 30, size: [150, 100, 5] },
  { title: "Yoga Mat", code: "YOGA", type: "Sports", tags: ["fitness"], option: COLORS, price: 48, weight: 1200, size: [620, 150, 150] },
  { title: "Resistance Band", code: "BAND", type: "Sports", tags: ["fitness"], option: SIZES, price: 15, weight: 150, size: [150, 100, 40] },
  { title: "Jump Rope", code: "ROPE", type: "Sports", tags: ["fitness"], option: COLORS, price: 12, weight: 180, size: [200, 150, 50] },
  { title: "Trail Backpack", code: "PACK", type: "Outdoor", tags: ["outdoor"], option: COLORS, price: 95, weight: 900, size: [500, 300, 200] },
  { title: "Camp Blanket", code: "BLNKT", type: "Outdoor", tags: ["camping", "wool"], option: COLORS, price: 70, weight: 1400, size: [400, 300, 120] },
  { title: "Headlamp", code: "LAMP", type: "Outdoor", tags: ["camping"], option: COLORS, price: 35, weight: 110, size: [120, 80, 60] },
  { title: "Dry Bag", code: "DRY", type: "Outdoor", tags: ["outdoor"], option: CAPACITY, price: 26, weight: 190, size: [250, 150, 60] },
]

/** Small deterministic PRNG (mulberry32) so the catalog and stock never change between runs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A valid EAN-13 from a 12-digit body (GS1 check digit: weights 1,3 from the left). */
export function ean13(body12: string): string {
  const digits = body12.split("").map(Number)
  const sum = digits.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0)
  return body12 + String((10 - (sum % 10)) % 10)
}

const LOCATION_KEYS = DEMO_LOCATIONS.map((l) => l.key)

/**
 * How a variant's stock is spread. The mix is deliberate: single-location items force
 * splits or long trips, multi-location items give routing a choice, scarce items run out.
 */
function spreadStock(index: number, rand: () => number): Record<string, number> {
  const pattern = index % 6
  const qty = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  switch (pattern) {
    case 0: // everywhere
      return Object.fromEntries(LOCATION_KEYS.map((k) => [k, qty(20, 120)]))
    case 1: // one location only
      return { [LOCATION_KEYS[index % LOCATION_KEYS.length]]: qty(15, 60) }
    case 2: // both US warehouses
      return { newark: qty(10, 80), reno: qty(10, 80) }
    case 3: // Europe and the UK
      return { rotterdam: qty(10, 70), coleshill: qty(5, 40) }
    case 4: // nearly sold out: a couple of units in two places
      return { [LOCATION_KEYS[index % 4]]: qty(1, 3), [LOCATION_KEYS[(index + 2) % 4]]: qty(1, 2) }
    default: // three locations, uneven
      return { newark: qty(30, 90), rotterdam: qty(1, 10), coleshill: qty(20, 60) }
  }
}

export function buildCatalog(seed = 20261122): DemoProduct[] {
  const rand = prng(seed)
  let variantIndex = 0
  return FAMILIES.map((family, familyIndex) => {
    const variants = family.option.values.map((value, i) => {
      const index = variantIndex++
      const bump = family.option === SIZES ? i * 0.1 : 0
      const base = Math.round(family.price * (1 + bump))
      return {
        title: value,
        sku: `${family.code}-${family.option.codes[i]}`,
        barcode: ean13(`871000${String(familyIndex).padStart(2, "0")}${String(i).padStart(2, "0")}${String(index).padStart(2, "0")}`),
        options: { [family.option.title]: value },
        weight: Math.round(family.weight * (1 + bump)),
        length: family.size[0],
        width: family.size[1],
        height: family.size[2],
        prices: { usd: base, eur: Math.round(base * 0.92), gbp: Math.round(base * 0.79) },
        stock: spreadStock(index, rand),
      }
    })
    return {
      title: family.title,
      handle: family.title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      description: `${family.title}: a demo product of the medusa-oms store.`,
      type: family.type,
      tags: family.tags,
      option: { title: family.option.title, values: family.option.values },
      variants,
    }
  })
}
