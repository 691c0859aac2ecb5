/**
 * Which countries belong together, for the offline carrier's zones and for customs.
 * ISO 3166-1 alpha-2 codes, upper case.
 */

/** The 27 member states of the European Union (customs union: no declaration between them). */
export const euCountries: ReadonlySet<string> = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ")
)

export const continents = ["europe", "north_america", "south_america", "asia", "africa", "oceania"] as const
export type Continent = (typeof continents)[number]

const byContinent: Record<Continent, string> = {
  europe:
    "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK",
  north_america:
    "AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX TC TT US VC VG VI",
  south_america: "AR BO BR CL CO EC FK GF GY PE PY SR UY VE",
  asia:
    "AE AF AM AZ BD BH BN BT CN GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE",
  africa:
    "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW",
  oceania: "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV VU WF WS",
}

const continentOf = new Map<string, Continent>()
for (const continent of continents) for (const code of byContinent[continent].split(" ")) continentOf.set(code, continent)

/** The continent a country is on; null for a code we do not know (treated as "world" by zones). */
export function continentOfCountry(countryCode: string): Continent | null {
  return continentOf.get(countryCode.trim().toUpperCase()) ?? null
}

export function isEuCountry(countryCode: string): boolean {
  return euCountries.has(countryCode.trim().toUpperCase())
}

/** How far a parcel travels, as the offline carrier prices it. */
export type Zone = "domestic" | "continental" | "world"
export const zones: readonly Zone[] = ["domestic", "continental", "world"]

export function zoneBetween(fromCountry: string, toCountry: string): Zone {
  const from = fromCountry.trim().toUpperCase()
  const to = toCountry.trim().toUpperCase()
  if (from === to) return "domestic"
  const continent = continentOfCountry(from)
  return continent !== null && continent === continentOfCountry(to) ? "continental" : "world"
}
