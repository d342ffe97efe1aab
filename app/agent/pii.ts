// Masks personal data in a citizen's message before it is stored for agents to review
// (RGPD): what remains tells what the person needed, not who they are.
// Order matters: longer, more specific numbers are masked before the generic ones.

const STREET_TYPES =
  'rue|avenue|av|boulevard|bd|bld|chemin|impasse|all[ée]e|place|route|quai|cours|square|r[ée]sidence|lotissement|chauss[ée]e|passage|voie|cit[ée]|hameau|lieu-dit|sentier|esplanade|faubourg|mont[ée]e|rond-point|villa';

/** words that end a street name: "12 rue de la Paix à Lille" */
const NOT_IN_STREET_NAMES = 'à|a|au|et|dans|pour|mais|car|sur|je|j|il|elle|on|ou|depuis|chez';

const MONTHS = 'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre';

const MASKS: [RegExp, string][] = [
  // a password or secret code, whatever follows it: "mdp: Azerty123!"
  [/\b(mdp|mot de passe|password|passwd|pwd|code secret|code pin|code confidentiel)\s*(?:est|:|=)?\s*\S+/giu, '$1 [secret]'],
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/giu, '[email]'],
  // an address spelled out to dodge filters: "jean.dupont at gmail dot com"
  [/[\p{L}\p{N}._%+-]+\s*(?:\(at\)|\[at\]|\bat\b|\barobase\b)\s*[\p{L}\p{N}-]+\s*(?:\(dot\)|\[dot\]|\bdot\b|\bpoint\b)\s*[a-z]{2,}\b/giu, '[email]'],
  // IBAN: country, check digits, then groups of four letters or digits
  [/\b[a-z]{2}\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,3})?\b/gi, '[iban]'],
  // NIR (numéro de sécurité sociale): sex, year, month, department (2A/2B in Corsica), commune, order, key
  [/\b[12][ .-]?\d{2}[ .-]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .-]?(?:\d{2}|2[ab])[ .-]?\d{3}[ .-]?\d{3}(?:[ .-]?\d{2})?\b/gi, '[numéro de sécurité sociale]'],
  // payment card: 13 to 19 digits, grouped or not
  [/\b\d(?:[ -]?\d){12,18}\b/g, '[numéro de carte]'],
  // French phone numbers, national or international form, and other international numbers
  [/(?:\+|\b00)33[ .-]?\(?0?\)?[ .-]?[1-9](?:[ .-]?\d{2}){4}\b/g, '[téléphone]'],
  [/\b0[1-9](?:[ .-]?\d{2}){4}\b/g, '[téléphone]'],
  [/\+\d{1,3}(?:[ .-]?\d){6,14}\b/g, '[téléphone]'],
  // dates (often a birth date)
  [/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, '[date]'],
  [new RegExp(`\\b\\d{1,2}(?:er)?\\s+(?:${MONTHS})\\s+\\d{4}\\b`, 'giu'), '[date]'],
  // street address: a number, a street type, and up to four words of its name
  [
    new RegExp(`\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:${STREET_TYPES})\\.?(?:\\s+(?!(?:${NOT_IN_STREET_NAMES})(?:\\s|$))[\\p{L}'’-]+){1,4}`, 'giu'),
    '[adresse]',
  ],
  // a name the person gives
  [
    /\b(je m['’ ]?appelle|mon nom est|mon nom c['’ ]?est|nom\s*:|je suis (?:madame|monsieur|mme|mr|m\.))\s+[\p{Lu}\p{Ll}'’-]+(?:\s+\p{Lu}[\p{L}'’-]*)?/giu,
    '$1 [nom]',
  ],
  // "je suis Jean Dupont": capitalised words after "je suis" (case matters: "je suis perdue" stays)
  [/\b([Jj]e suis|JE SUIS)\s+(?:\p{Lu}[\p{Ll}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]*)?/gu, '$1 [nom]'],
  // any other long number (allocataire, fiscal, file numbers...): postal codes (5 digits) stay
  [/\b\d(?:[ .-]?\d){5,}\b/g, '[numéro]'],
];

export function maskPersonalData(text: string): string {
  return MASKS.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), text);
}
