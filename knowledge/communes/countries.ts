import countries from 'i18n-iso-countries';
import french from 'i18n-iso-countries/langs/fr.json';
import { foldText } from '../text';

// The countries of the world by their French names (i18n-iso-countries, ISO 3166-1), so that
// "je vis au Canada", "j'habite en Allemagne" or "nous vivons aux États-Unis" tell that the
// person lives abroad, whatever the country.

// Overseas France has ISO codes of its own, but living there is living in France.
const FRANCE = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC', 'TF']);
// What people say for a few countries whose official name they seldom write.
const EVERYDAY_NAMES: Record<string, string> = {
  angleterre: 'GB',
  ecosse: 'GB',
  'pays de galles': 'GB',
  usa: 'US',
  amerique: 'US',
  rdc: 'CD',
  dubai: 'AE',
  hollande: 'NL',
};
// Only these phrasings say where one lives: "en vacances en Espagne" does not.
const LIVING_IN =
  /\b(?:j habite|on habite|nous habitons|je vis|on vit|nous vivons|je reside|nous residons|je demeure|je suis (?:installee?|expatriee?|domiciliee?)|nous sommes (?:installes|expatries)|expatriee?s?|je suis parti(?:e)? (?:vivre|habiter)|j ai demenage)\s+(?:au|aux|en|a|dans le|dans la|dans les)\s+(.+)$/;
const MAX_NAME_WORDS = 5;
const GENERIC_HEADS = /^(?:iles?|republique|royaume|etats?|territoires?|region|cote|saint|sainte)$/;

let byName: Map<string, string> | undefined;

function countryNames(): Map<string, string> {
  if (!byName) {
    countries.registerLocale(french);
    byName = new Map();
    for (const [code, names] of Object.entries(countries.getNames('fr', { select: 'all' }))) {
      if (FRANCE.has(code)) continue;
      for (const name of names) {
        const folded = foldText(name);
        byName.set(folded, name);
        // "États-Unis d'Amérique" is "les États-Unis"; "Îles" or "République" alone is no country
        const head = folded.replace(/ (?:d|de|du|des) .*$/, '');
        if (!GENERIC_HEADS.test(head)) byName.set(head, name);
      }
    }
    for (const [everyday, code] of Object.entries(EVERYDAY_NAMES)) byName.set(everyday, countries.getName(code, 'fr') ?? everyday);
  }
  return byName;
}

/** The country other than France where the message says the person lives, or undefined. */
export function findCountryInText(text: string): string | undefined {
  const tail = LIVING_IN.exec(foldText(text))?.[1];
  if (!tail) return undefined;
  const words = tail.split(' ').slice(0, MAX_NAME_WORDS);
  for (let n = words.length; n >= 1; n--) {
    const country = countryNames().get(words.slice(0, n).join(' '));
    if (country) return country;
  }
  return undefined;
}
