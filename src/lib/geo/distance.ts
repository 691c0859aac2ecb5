/** A point on the earth in decimal degrees. */
export interface GeoPoint {
  lat: number
  lng: number
}

/** Mean earth radius (IUGG); the error against the ellipsoid stays under 0.5 %. */
const EARTH_RADIUS_KM = 6371.0088

const radians = (degrees: number) => (degrees * Math.PI) / 180

/** Great-circle distance in km by the haversine formula (stable for short distances too). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.lat - a.lat)
  const dLng = radians(b.lng - a.lng)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * The centre of a set of points, averaged on the sphere (as 3-D vectors) so that places on
 * both sides of the antimeridian (Fiji, Russia) do not average into the middle of the map.
 */
export function sphericalMean(points: GeoPoint[]): GeoPoint | null {
  if (points.length === 0) return null
  let x = 0
  let y = 0
  let z = 0
  for (const p of points) {
    const lat = radians(p.lat)
    const lng = radians(p.lng)
    x += Math.cos(lat) * Math.cos(lng)
    y += Math.cos(lat) * Math.sin(lng)
    z += Math.sin(lat)
  }
  const lng = Math.atan2(y, x)
  const lat = Math.atan2(z, Math.sqrt(x * x + y * y))
  return { lat: round6((lat * 180) / Math.PI), lng: round6((lng * 180) / Math.PI) }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6
