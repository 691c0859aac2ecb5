import { geocodeAddress } from "../bundled"
import { haversineKm } from "../distance"

/**
 * Real addresses as people write them at home, with the place's true position (its centre or
 * the landmark at the address). Before the bundled European names, the native spellings here
 * fell back to the country's centre (München, Torino, 's-Gravenhage, Bruxelles, Αθήνα...).
 */
type Case = [country: string, city: string, postal: string, street: string, lat: number, lng: number]

const addresses: Case[] = [
  ["DE", "München", "80331", "Marienplatz 8", 48.1374, 11.5755],
  ["DE", "Köln", "50667", "Domkloster 4", 50.9413, 6.9583],
  ["DE", "Frankfurt", "60311", "Römerberg 27", 50.1106, 8.6821],
  ["DE", "Frankfurt am Main", "60311", "Römerberg 27", 50.1106, 8.6821],
  ["DE", "Frankfurt (Oder)", "15230", "Logenstraße 8", 52.3471, 14.5506],
  ["DE", "Berlin", "10117", "Unter den Linden 77", 52.5163, 13.3777],
  ["DE", "Hamburg", "20095", "Rathausmarkt 1", 53.5503, 9.9927],
  ["DE", "Stuttgart", "70173", "Marktplatz 1", 48.7758, 9.1829],
  ["DE", "Düsseldorf", "40213", "Marktplatz 2", 51.2277, 6.7735],
  ["DE", "Nürnberg", "90403", "Hauptmarkt 18", 49.4539, 11.0775],
  ["FR", "Paris", "75004", "29 Rue de Rivoli", 48.8566, 2.3522],
  ["FR", "Lyon", "69002", "Place Bellecour", 45.7578, 4.832],
  ["FR", "Marseille", "13002", "Quai du Port", 43.2965, 5.3698],
  ["FR", "Strasbourg", "67000", "Place Kléber", 48.5734, 7.7521],
  ["FR", "Saint-Étienne", "42000", "Place Jean-Jaurès", 45.4397, 4.3872],
  ["IT", "Milano", "20122", "Piazza del Duomo", 45.4642, 9.19],
  ["IT", "Torino", "10122", "Piazza Castello", 45.0703, 7.6869],
  ["IT", "Roma", "00186", "Via del Corso 1", 41.9028, 12.4964],
  ["IT", "Napoli", "80132", "Piazza del Plebiscito", 40.8518, 14.2681],
  ["IT", "Firenze", "50122", "Piazza della Signoria", 43.7696, 11.2558],
  ["IT", "Venezia", "30124", "Piazza San Marco", 45.4408, 12.3155],
  ["IT", "Genova", "16121", "Via Garibaldi 9", 44.4056, 8.9463],
  ["ES", "Madrid", "28013", "Puerta del Sol", 40.4168, -3.7038],
  ["ES", "Barcelona", "08002", "Plaça de Catalunya", 41.3874, 2.1686],
  ["ES", "Sevilla", "41013", "Plaza de España", 37.3891, -5.9845],
  ["ES", "València", "46002", "Plaça de l'Ajuntament 1", 39.4699, -0.3763],
  ["ES", "A Coruña", "15001", "Praza de María Pita", 43.3623, -8.4115],
  ["NL", "Amsterdam", "1012 JS", "Dam 1", 52.3731, 4.8926],
  ["NL", "'s-Gravenhage", "2513 AA", "Binnenhof 1", 52.0799, 4.3113],
  ["NL", "Den Haag", "2513 AA", "Binnenhof 1", 52.0799, 4.3113],
  ["NL", "Rotterdam", "3011 AD", "Coolsingel 40", 51.9225, 4.4792],
  ["NL", "Den Bosch", "5211 HV", "Markt 1", 51.6978, 5.3037],
  ["BE", "Bruxelles", "1000", "Grand-Place", 50.8467, 4.3525],
  ["BE", "Brussel", "1000", "Grote Markt", 50.8467, 4.3525],
  ["BE", "Antwerpen", "2000", "Grote Markt 1", 51.2211, 4.3997],
  ["BE", "Gent", "9000", "Korenmarkt", 51.0543, 3.7174],
  ["BE", "Liège", "4000", "Place Saint-Lambert", 50.6326, 5.5797],
  ["AT", "Wien", "1010", "Stephansplatz 1", 48.2082, 16.3738],
  ["AT", "Salzburg", "5020", "Residenzplatz 1", 47.8095, 13.055],
  ["AT", "Graz", "8010", "Hauptplatz 1", 47.0707, 15.4395],
  ["CH", "Zürich", "8001", "Bahnhofstrasse 1", 47.3769, 8.5417],
  ["CH", "Genève", "1204", "Place du Molard", 46.2044, 6.1432],
  ["CH", "Bern", "3003", "Bundesplatz 3", 46.948, 7.4474],
  ["CH", "Basel", "4001", "Marktplatz 9", 47.5596, 7.5886],
  ["PL", "Warszawa", "00-277", "Plac Zamkowy 4", 52.2297, 21.0122],
  ["PL", "Kraków", "31-042", "Rynek Główny 1", 50.0614, 19.9372],
  ["PL", "Wrocław", "50-106", "Rynek 1", 51.1079, 17.0385],
  ["PL", "Gdańsk", "80-830", "Długi Targ 1", 54.352, 18.6466],
  ["PL", "Łódź", "90-926", "Piotrkowska 104", 51.7592, 19.456],
  ["CZ", "Praha", "110 00", "Staroměstské náměstí 1", 50.0755, 14.4378],
  ["CZ", "Brno", "602 00", "náměstí Svobody 1", 49.1951, 16.6068],
  ["PT", "Lisboa", "1100-148", "Praça do Comércio", 38.7223, -9.1393],
  ["PT", "Porto", "4000-064", "Avenida dos Aliados", 41.1579, -8.6291],
  ["SE", "Stockholm", "111 51", "Drottninggatan 1", 59.3293, 18.0686],
  ["SE", "Göteborg", "411 36", "Kungsportsavenyen 1", 57.7089, 11.9746],
  ["SE", "Malmö", "211 22", "Stortorget 1", 55.605, 13.0038],
  ["DK", "København V", "1550", "Rådhuspladsen 1", 55.6761, 12.5683],
  ["DK", "Århus", "8000", "Rådhuspladsen 2", 56.1629, 10.2039],
  ["NO", "Oslo", "0154", "Karl Johans gate 1", 59.9139, 10.7522],
  ["NO", "Bergen", "5003", "Bryggen 1", 60.3913, 5.3221],
  ["FI", "Helsinki", "00170", "Senaatintori", 60.1699, 24.9384],
  ["FI", "Turku", "20100", "Kauppatori", 60.4518, 22.2666],
  ["GR", "Αθήνα", "105 63", "Πλατεία Συντάγματος", 37.9838, 23.7275],
  ["GR", "Athina", "105 63", "Plateia Syntagmatos", 37.9838, 23.7275],
  ["GR", "Θεσσαλονίκη", "546 21", "Πλατεία Αριστοτέλους", 40.6401, 22.9444],
  ["IE", "Dublin 1", "D01 F5P2", "O'Connell Street Upper", 53.3498, -6.2603],
  ["IE", "Cork", "T12 X70A", "Patrick Street", 51.8985, -8.4756],
  ["HU", "Budapest", "1051", "Széchenyi István tér 1", 47.4979, 19.0402],
  ["RO", "București", "030167", "Piața Unirii", 44.4268, 26.1025],
  ["GB", "London", "SW1A 2AA", "10 Downing Street", 51.5034, -0.1276],
  ["GB", "Edinburgh", "EH1 1YZ", "High Street", 55.9533, -3.1883],
  ["GB", "Manchester", "M1 1AE", "Piccadilly", 53.4808, -2.2426],
  ["HR", "Zagreb", "10000", "Trg bana Jelačića 1", 45.815, 15.9819],
  ["SK", "Bratislava", "811 01", "Hlavné námestie 1", 48.1486, 17.1077],
  ["SI", "Ljubljana", "1000", "Prešernov trg 1", 46.0569, 14.5058],
  ["BG", "София", "1000", "пл. Независимост", 42.6977, 23.3219],
  ["LU", "Lëtzebuerg", "1648", "Place Guillaume II", 49.6116, 6.1319],
]

describe("European addresses in their native spelling (bundled data)", () => {
  it("covers the large cities of at least 15 countries with 60+ addresses", () => {
    expect(addresses.length).toBeGreaterThanOrEqual(60)
    expect(new Set(addresses.map((a) => a[0])).size).toBeGreaterThanOrEqual(15)
  })

  it.each(addresses)("%s %s (%s, %s) is placed within 15 km", (country, city, postal, _street, lat, lng) => {
    const found = geocodeAddress({ country_code: country, city, postal_code: postal })
    expect(found?.precision).toBe("city")
    expect(haversineKm(found!.point, { lat, lng })).toBeLessThan(15)
  })

  it("ignores case, accents and punctuation, and the district or postal code typed into the city", () => {
    const munich = { lat: 48.1374, lng: 11.5755 }
    for (const city of ["MÜNCHEN", "munchen", "Muenchen", "Munich", "80331 München", "München-Altstadt"]) {
      expect(haversineKm(geocodeAddress({ country_code: "de", city })!.point, munich)).toBeLessThan(15)
    }
    const hague = { lat: 52.0799, lng: 4.3113 }
    for (const city of ["S-GRAVENHAGE", "s Gravenhage", "’s-Gravenhage", "The Hague"]) {
      expect(haversineKm(geocodeAddress({ country_code: "NL", city })!.point, hague)).toBeLessThan(15)
    }
  })

  it("tells same-named cities apart by province, else takes the most populous", () => {
    const oder = { lat: 52.3471, lng: 14.5506 }
    const main = { lat: 50.1106, lng: 8.6821 }
    expect(haversineKm(geocodeAddress({ country_code: "DE", city: "Frankfurt", province: "Brandenburg" })!.point, oder)).toBeLessThan(15)
    expect(haversineKm(geocodeAddress({ country_code: "DE", city: "Frankfurt" })!.point, main)).toBeLessThan(15)
  })

  it("routes the München order of issue 14 by its distance to Milan, not from the centre of Germany", () => {
    const munich = geocodeAddress({ country_code: "DE", city: "München", postal_code: "80331" })!.point
    const milan = { lat: 45.4642, lng: 9.19 }
    const berlin = { lat: 52.52, lng: 13.405 }
    expect(haversineKm(munich, milan)).toBeLessThan(haversineKm(munich, berlin))
    expect(haversineKm(munich, milan)).toBeCloseTo(348, -1)
  })

  it("still places by the country's centre when the city is unknown, and says the city was not found", () => {
    const found = geocodeAddress({ country_code: "DE", city: "Nirgendwo-am-See" })
    expect(found?.precision).toBe("country")
    expect(found?.unmatched).toEqual(["city"])
  })
})
