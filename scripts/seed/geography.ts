/**
 * The demo store's places: four warehouses in four markets, the regions that sell into
 * them, and customers' addresses across those markets. Street addresses are real streets
 * in real business districts; coordinates are the town's, good enough for routing by distance.
 */

export type DemoLocation = {
  key: string
  name: string
  address: {
    address_1: string
    city: string
    province?: string
    postal_code: string
    country_code: string
  }
  latitude: number
  longitude: number
  /** Countries this warehouse's shipping options cover (lower case, as Medusa stores them). */
  ships_to: string[]
  priority: number
}

export const DEMO_LOCATIONS: DemoLocation[] = [
  {
    key: "newark",
    name: "Newark DC",
    address: { address_1: "900 Raymond Blvd", city: "Newark", province: "us-nj", postal_code: "07105", country_code: "us" },
    latitude: 40.7357,
    longitude: -74.1724,
    ships_to: ["us"],
    priority: 1,
  },
  {
    key: "reno",
    name: "Reno Fulfillment Center",
    address: { address_1: "4900 Longley Ln", city: "Reno", province: "us-nv", postal_code: "89502", country_code: "us" },
    latitude: 39.5296,
    longitude: -119.8138,
    ships_to: ["us"],
    priority: 2,
  },
  {
    key: "rotterdam",
    name: "Rotterdam Hub",
    address: { address_1: "Waalhaven Zuidzijde 21", city: "Rotterdam", postal_code: "3089 JH", country_code: "nl" },
    latitude: 51.8897,
    longitude: 4.4419,
    ships_to: ["nl", "de", "be", "fr", "gb"],
    priority: 2,
  },
  {
    key: "coleshill",
    name: "Midlands Warehouse",
    address: { address_1: "Hams Hall Distribution Park", city: "Coleshill", province: "Warwickshire", postal_code: "B46 1AL", country_code: "gb" },
    latitude: 52.5135,
    longitude: -1.7108,
    ships_to: ["gb"],
    priority: 2,
  },
]

export type DemoRegion = { name: string; currency_code: string; countries: string[] }

export const DEMO_REGIONS: DemoRegion[] = [
  { name: "United States", currency_code: "usd", countries: ["us"] },
  { name: "Europe", currency_code: "eur", countries: ["nl", "de", "be", "fr"] },
  { name: "United Kingdom", currency_code: "gbp", countries: ["gb"] },
]

export type DemoAddress = {
  first_name: string
  last_name: string
  address_1: string
  city: string
  province?: string
  postal_code: string
  country_code: string
  phone?: string
}

/** Customers spread over the markets: east and west coast US, the Benelux, Germany, France, the UK. */
export const DEMO_CUSTOMER_ADDRESSES: DemoAddress[] = [
  { first_name: "Ava", last_name: "Thompson", address_1: "1 Beacon St", city: "Boston", province: "us-ma", postal_code: "02108", country_code: "us" },
  { first_name: "Liam", last_name: "Garcia", address_1: "350 5th Ave", city: "New York", province: "us-ny", postal_code: "10118", country_code: "us" },
  { first_name: "Mia", last_name: "Johnson", address_1: "1500 Market St", city: "Philadelphia", province: "us-pa", postal_code: "19102", country_code: "us" },
  { first_name: "Noah", last_name: "Kim", address_1: "400 Broad St", city: "Seattle", province: "us-wa", postal_code: "98109", country_code: "us" },
  { first_name: "Emma", last_name: "Nguyen", address_1: "1 Ferry Building", city: "San Francisco", province: "us-ca", postal_code: "94111", country_code: "us" },
  { first_name: "Lucas", last_name: "Martinez", address_1: "111 S Grand Ave", city: "Los Angeles", province: "us-ca", postal_code: "90012", country_code: "us" },
  { first_name: "Sophie", last_name: "de Vries", address_1: "Damrak 1", city: "Amsterdam", postal_code: "1012 LG", country_code: "nl" },
  { first_name: "Daan", last_name: "Bakker", address_1: "Oudegracht 150", city: "Utrecht", postal_code: "3511 AZ", country_code: "nl" },
  { first_name: "Lena", last_name: "Schmidt", address_1: "Unter den Linden 10", city: "Berlin", postal_code: "10117", country_code: "de" },
  { first_name: "Louis", last_name: "Peeters", address_1: "Rue Neuve 123", city: "Brussels", postal_code: "1000", country_code: "be" },
  { first_name: "Chloé", last_name: "Bernard", address_1: "10 Rue de Rivoli", city: "Paris", postal_code: "75004", country_code: "fr" },
  { first_name: "Oliver", last_name: "Smith", address_1: "221 Baker St", city: "London", postal_code: "NW1 6XE", country_code: "gb" },
  { first_name: "Amelia", last_name: "Jones", address_1: "1 Piccadilly Gardens", city: "Manchester", postal_code: "M1 1RG", country_code: "gb" },
  { first_name: "Jack", last_name: "Brown", address_1: "1 Princes St", city: "Edinburgh", postal_code: "EH2 2EQ", country_code: "gb" },
]
