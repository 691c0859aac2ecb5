/** What routing assumes for a stock location that has no profile yet. */
export const DEFAULT_LOCATION_PROFILE = {
  active: true,
  priority: 0,
  markets: [] as string[],
  daily_capacity: null as number | null,
  safety_stock: 0,
  latitude: null as number | null,
  longitude: null as number | null,
}

export type LocationProfileFields = typeof DEFAULT_LOCATION_PROFILE
