export { haversineKm, sphericalMean, type GeoPoint } from "./distance"
export {
  geocode,
  type AddressToGeocode,
  type Gazetteer,
  type GazetteerCity,
  type GazetteerCountry,
  type GeocodeResult,
  type GeoPrecision,
  type UnmatchedPart,
} from "./geocode"
export { bundledGazetteer, geocodeAddress, isBundledGazetteerBuilt } from "./bundled"
