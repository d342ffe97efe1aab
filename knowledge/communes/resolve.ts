import { editDistance, typosInPlaceName } from '../similarity';
import type { Commune, CommuneResolution } from '../types';
import { foldPlaceName } from '../text';
import type { CommuneData, CommuneRecord } from './data';

const MAX_CANDIDATES = 6;

// "j'habite à", "je vis sur", "commune de", "ville de"...: words before the name.
const LEADING_WORDS =
  /^(?:(?:bonjour|oui|alors|euh|moi|et|je|j|nous|on|ma|mon|la|le|c est|suis|habite|habitons|habitez|vis|vivons|reside|residons|demeure|domicilie|domiciliee|actuellement|commune|ville|village|a|au|aux|en|sur|dans|pres|de|du|d)\s+)+/;
// Paris, Lyon and Marseille arrondissements: "paris 11", "marseille 1er", "lyon 3e", "paris 11eme arrondissement".
const ARRONDISSEMENT =
  /^(?:(paris|lyon|marseille) ?(\d{1,2}) ?(?:e|er|ere|eme|ieme|em)?(?: arr(?:ondissement|dt)?)?|(\d{1,2}) ?(?:e|er|ere|eme|ieme|em)? arr(?:ondissement|dt)? (?:de |d )?(paris|lyon|marseille))$/;
const ARRONDISSEMENT_CODES: Record<string, { prefix: string; count: number }> = {
  paris: { prefix: '751', count: 20 },
  marseille: { prefix: '132', count: 16 },
  lyon: { prefix: '6938', count: 9 },
};
const CODE_TOKEN = /\b(\d{5}|2[ab]\d{3})\b/;

function toCommune(record: CommuneRecord): Commune {
  const { population: _population, ...commune } = record;
  return commune;
}

function byPopulation(a: CommuneRecord, b: CommuneRecord): number {
  return b.population - a.population || a.code.localeCompare(b.code);
}

function conclude(records: CommuneRecord[]): CommuneResolution {
  const unique = [...new Map(records.map((r) => [r.code, r])).values()].sort(byPopulation);
  if (unique.length === 0) return { status: 'unknown' };
  if (unique.length === 1) return { status: 'found', commune: toCommune(unique[0]) };
  return { status: 'ambiguous', candidates: unique.slice(0, MAX_CANDIDATES).map(toCommune) };
}

function arrondissement(data: CommuneData, text: string): CommuneRecord | undefined {
  const match = ARRONDISSEMENT.exec(text);
  if (!match) return undefined;
  const city = match[1] ?? match[4];
  const number = Number(match[2] ?? match[3]);
  const { prefix, count } = ARRONDISSEMENT_CODES[city];
  if (number < 1 || number > count) return undefined;
  const code = prefix + String(number).padStart(5 - prefix.length, '0');
  return data.byCode.get(code);
}

/** The département a postal code belongs to: "75011" -> "75", "97400" -> "974", "20000" -> 2A or 2B. */
function postalDepartement(postalCode: string): string[] {
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return [postalCode.slice(0, 3)];
  if (postalCode.startsWith('20')) return ['2A', '2B'];
  return [postalCode.slice(0, 2)];
}

// A postal code shared by a city and a few outlying streets of another commune names
// the city; one shared by several villages stays ambiguous.
const DOMINANT_POPULATION_RATIO = 20;

function byPostalCode(data: CommuneData, postalCode: string): CommuneRecord[] {
  const all = data.byPostalCode.get(postalCode) ?? [];
  const departements = postalDepartement(postalCode);
  const inDepartement = all.filter((r) => departements.includes(r.departement));
  const candidates = inDepartement.length > 0 ? inDepartement : all;
  // La Poste also lists a code under communes that only have a few addresses with it
  // (Rouen under 76600, Ronchin under 59000): the communes whose own code it is come first.
  const own = candidates.filter((r) => r.postalCodes.includes(postalCode));
  return dominant(own.length > 0 ? own : candidates);
}

// "saint denis dans le 93": the words between the name and the département
function withoutTrailingLinks(name: string): string {
  return name.replace(/(?: (?:en|dans|de|du|des|la|le|les|l|d|a))+$/, '');
}

/** Splits "saint denis 93" or "saint denis seine saint denis" into the name and the département. */
function splitDepartement(data: CommuneData, text: string): { name: string; departement?: string } {
  const words = text.split(' ');
  const last = words[words.length - 1];
  if (words.length > 1 && data.departementCodes.has(last)) {
    return { name: withoutTrailingLinks(words.slice(0, -1).join(' ')), departement: last.toUpperCase() };
  }
  for (let i = 1; i < words.length; i++) {
    const code = data.departementByName.get(words.slice(i).join(' '));
    if (code) return { name: withoutTrailingLinks(words.slice(0, i).join(' ')), departement: code };
  }
  return { name: text };
}

/**
 * Names within a small edit distance: typos such as "roubais" or "marsielle". A four-letter
 * name is one letter from too many others: only a missing letter is read there ("lile").
 */
function closeNames(data: CommuneData, name: string): string[] {
  if (name.length === 4) return (data.namesByLength.get(5) ?? []).filter((candidate) => editDistance(name, candidate) === 1);
  const allowed = typosInPlaceName(name);
  if (allowed === 0) return [];
  let best = allowed + 1;
  let found: string[] = [];
  for (let length = name.length - allowed; length <= name.length + allowed; length++) {
    for (const candidate of data.namesByLength.get(length) ?? []) {
      const d = editDistance(name, candidate);
      if (d < best) {
        best = d;
        found = [candidate];
      } else if (d === best) found.push(candidate);
    }
  }
  return found;
}

// "au Havre", "à La Rochelle" once folded and stripped: the article is part of the name.
const ARTICLES = ['', 'le ', 'la ', 'les ', 'l '];
const NO_ARTICLE = [''];

interface NameMatch {
  fuzzy?: boolean;
  /** also try the name with an article in front ("havre" -> "le havre") */
  articles?: string[];
}

function byName(data: CommuneData, name: string, departement: string | undefined, match: NameMatch = {}): CommuneRecord[] {
  const keep = (records: CommuneRecord[]): CommuneRecord[] => (departement ? records.filter((r) => r.departement === departement) : records);
  for (const article of match.articles ?? ARTICLES) {
    const exact = keep(data.byName.get(article + name) ?? []);
    if (exact.length > 0) return exact;
  }
  if (!match.fuzzy) return [];
  return keep(closeNames(data, name).flatMap((n) => data.byName.get(n) ?? []));
}

function stripLeadingWords(text: string): string {
  const stripped = text.replace(LEADING_WORDS, '');
  return stripped.length > 0 ? stripped : text;
}

/** What a person typed when asked for their commune: a name, a postal or INSEE code, an arrondissement. */
export function resolveCommune(data: CommuneData, text: string): CommuneResolution {
  const folded = foldPlaceName(text);
  if (!folded) return { status: 'unknown' };

  const code = CODE_TOKEN.exec(folded)?.[1];
  if (code) {
    const rest = stripLeadingWords(folded.replace(code, ' ').replace(/\s+/g, ' ').trim());
    const upper = code.toUpperCase();
    let records = byPostalCode(data, code);
    if (records.length === 0 && data.byCode.has(upper)) records = [data.byCode.get(upper)!];
    if (rest && records.length > 1) {
      const named = records.filter((r) => foldPlaceName(r.name) === rest);
      if (named.length > 0) records = named;
    }
    return conclude(records);
  }

  for (const candidate of [folded, stripLeadingWords(folded)]) {
    const arr = arrondissement(data, candidate);
    if (arr) return conclude([arr]);
    const { name, departement } = splitDepartement(data, candidate);
    const exact = byName(data, name, departement);
    if (exact.length > 0) return conclude(exact);
  }

  // The name followed by other words ("roubaix merci", "lille dans le nord"): longest known prefix.
  const words = stripLeadingWords(folded).split(' ');
  for (let n = Math.min(words.length - 1, 6); n >= 1; n--) {
    const exact = byName(data, words.slice(0, n).join(' '), undefined);
    if (exact.length > 0) return conclude(exact);
  }

  const { name, departement } = splitDepartement(data, stripLeadingWords(folded));
  return conclude(dominant(byName(data, name, departement, { fuzzy: true })));
}

/** Among look-alike names, a city much bigger than all the others is what was meant ("marsielle"). */
function dominant(records: CommuneRecord[]): CommuneRecord[] {
  if (records.length < 2) return records;
  const [first, ...others] = [...records].sort(byPopulation);
  const othersPopulation = others.reduce((sum, r) => sum + r.population, 0);
  return first.population >= DOMINANT_POPULATION_RATIO * Math.max(othersPopulation, 1) ? [first] : records;
}

// Only these phrasings are taken as naming where one lives, so that "à cause de" or
// "en retard" never become communes.
const LIVING_IN =
  /\b(?:(?:j habite|nous habitons|on habite|je vis|nous vivons|on vit|je reside|je demeure|(?:je suis )?domicilie|(?:je suis )?domiciliee|habitant|habitante)(?:\s+(a|au|aux|en|sur|dans|pres de|a cote de|de))?|(?:je suis|j suis|nous sommes|on est)\s+(a|sur))\s+(.+)$/;
const PLACE_OF_OFFICE = /\b(?:mairie|ville|commune|caf|cpam|prefecture|sous prefecture|france travail|pole emploi)\s+(?:de|d)\s+(.+)$/;
// A postal code counts alone, after "j'habite", or before the commune's name: "15000 euros" is no place.
const POSTAL_ALONE = /^(\d{5})$/;
const POSTAL_FIRST = /^(\d{5})\b/;
const POSTAL_BEFORE_NAME = /\b(\d{5}) ([a-z].*)$/;

/**
 * A commune named in a sentence, only when there is no doubt: "j'habite à Roubaix",
 * "je vis à Saint-Étienne", "75011", "59100 Roubaix". Cheap on messages that name no place: the commune
 * data is only touched when one of these phrasings appears.
 */
export function findCommuneInText(data: () => CommuneData, text: string): Commune | undefined {
  const folded = foldPlaceName(text);
  const living = LIVING_IN.exec(folded);
  const tail = living ? living[3] : PLACE_OF_OFFICE.exec(folded)?.[1];
  // "au Havre" is "Le Havre"; after any other word the article, if any, is written out
  const preposition = living?.[1] ?? living?.[2];
  const articles = preposition === 'au' ? ['le '] : preposition === 'aux' ? ['les '] : NO_ARTICLE;
  if (tail) {
    const words = tail.split(' ').slice(0, 6);
    for (let n = words.length; n >= 1; n--) {
      const phrase = words.slice(0, n).join(' ');
      const arr = arrondissement(data(), phrase);
      if (arr) return toCommune(arr);
      const records = byName(data(), phrase, undefined, { articles });
      if (records.length === 1) return toCommune(records[0]);
      if (records.length > 1) {
        const next = words.slice(n).join(' ');
        const { departement } = splitDepartement(data(), `x ${next}`);
        const narrowed = departement ? records.filter((r) => r.departement === departement) : [];
        return narrowed.length === 1 ? toCommune(narrowed[0]) : undefined;
      }
    }
  }
  const postal = POSTAL_ALONE.exec(folded)?.[1] ?? (tail ? POSTAL_FIRST.exec(tail)?.[1] : undefined);
  if (postal) {
    const records = byPostalCode(data(), postal);
    return records.length === 1 ? toCommune(records[0]) : undefined;
  }
  const beforeName = POSTAL_BEFORE_NAME.exec(folded);
  if (beforeName) {
    const [, code, rest] = beforeName;
    const records = byPostalCode(data(), code).filter((r) => rest.startsWith(foldPlaceName(r.name)));
    if (records.length === 1) return toCommune(records[0]);
  }
  return undefined;
}
