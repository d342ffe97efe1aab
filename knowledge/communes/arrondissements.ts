// Paris, Lyon and Marseille are divided into municipal arrondissements, each with its own
// INSEE code (75101-75120, 69381-69389, 13201-13216) besides the city's (75056, 69123, 13055).

const CITIES: Array<{ city: string; arrondissement: RegExp }> = [
  { city: '75056', arrondissement: /^751\d\d$/ },
  { city: '13055', arrondissement: /^132\d\d$/ },
  { city: '69123', arrondissement: /^6938\d$/ },
];

/** The city's code for an arrondissement ("75111" -> "75056"); undefined for any other commune. */
export function cityOfArrondissement(code: string): string | undefined {
  return CITIES.find(({ arrondissement }) => arrondissement.test(code))?.city;
}

/** True for Paris, Lyon and Marseille as a whole. */
export function hasArrondissements(code: string): boolean {
  return CITIES.some(({ city }) => city === code);
}

/** The arrondissements' codes of a city, from the communes known ("75056" -> 75101 ... 75120). */
export function arrondissementsOf(city: string, codes: Iterable<string>): string[] {
  const pattern = CITIES.find((entry) => entry.city === city)?.arrondissement;
  return pattern ? [...codes].filter((code) => pattern.test(code)).sort() : [];
}
