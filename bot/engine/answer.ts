import { foldText } from '../../knowledge/text';
import { editDistance, typosInChoice } from '../../knowledge/similarity';
import type { TreeChoice } from '../trees/types';
import { STOPWORDS } from '../nlu/stopwords';

/** What an answer is recognised by: a tree's choice, or a menu entry the engine builds. */
export type Choosable = Pick<TreeChoice, 'label' | 'synonyms'>;

// Recognises an answer to a question with choices as people give it: its number ("2"), an
// ordinal ("la deuxième"), yes or no in everyday forms ("ben oui", "oui oui", "non pas
// agriculteur", "pas du tout"), the label or a synonym, even misspelled ("etrenger"), or a
// restatement ("j'ai travaillé dans l'agriculture", "je ne suis pas agriculteur").

const ORDINALS: [RegExp, number][] = [
  [/\b(1|un|une|premier|premiere|1er|1ere|1re)\b/, 0],
  [/\b(2|deux|deuxieme|second|seconde|2e|2eme|2nd|2nde)\b/, 1],
  [/\b(3|trois|troisieme|3e|3eme)\b/, 2],
  [/\b(4|quatre|quatrieme|4e|4eme)\b/, 3],
  [/\b(5|cinq|cinquieme|5e|5eme)\b/, 4],
  [/\b(6|six|sixieme|6e|6eme)\b/, 5],
  [/\b(7|sept|septieme|7e|7eme)\b/, 6],
  [/\b(8|huit|huitieme|8e|8eme)\b/, 7],
  [/\b(9|neuf|neuvieme|9e|9eme)\b/, 8],
];
const ORDINAL_ONLY = /^(?:(?:c est |je choisis |choix |reponse |numero |n )?(?:la |le |l )?)(\S+)(?: (?:choix|reponse|proposition))?$/;

// Words people put before their answer: "ben oui", "euh non", "alors oui".
const FILLERS = /^(?:(?:ben|bah|beh|be|bon|eh|euh|heu|hum|ah|oh|alors|mais|et bien|eh bien|he bien|enfin|oui et)\s+)*/;
const YES_PHRASES = [
  'oui',
  'ouais',
  'ouai',
  'ouii',
  'ouiii',
  'wi',
  'ui',
  'yes',
  'ok',
  'okay',
  'oki',
  'd accord',
  'exact',
  'exactement',
  'tout a fait',
  'bien sur',
  'voila',
  'c est ca',
  'c est bien ca',
  'c est exact',
  'affirmatif',
  'absolument',
  'evidemment',
  'certainement',
  'carrement',
  'effectivement',
  'en effet',
  'bien entendu',
  'je confirme',
  'tout a fait oui',
];
const NO_PHRASES = [
  'non',
  'nan',
  'nn',
  'no',
  'nope',
  'pas du tout',
  'absolument pas',
  'negatif',
  'jamais',
  'pas vraiment',
  'aucunement',
  'certainement pas',
  'surtout pas',
  'du tout',
  'pas',
  'bien sur que non',
  'evidemment pas',
];
// Longest first, so that "absolument pas" is read before "absolument".
const byLength = (phrases: [string, Polarity][]) => phrases.sort((a, b) => b[0].length - a[0].length);
let POLAR_PHRASES: [string, Polarity][] = byLength([
  ...YES_PHRASES.map((p): [string, Polarity] => [p, 'oui']),
  ...NO_PHRASES.map((p): [string, Polarity] => [p, 'non']),
]);
/** yes and no in the other languages the bot reads (their messages.yaml), also as a choice's first word */
let FOREIGN_POLAR: [string, Polarity][] = [];
// "si" answers a negative question only when it is the whole answer ("si je peux" is no yes);
// so does another language's yes or no that is also a French word: Arabic written in Latin
// letters says no with « la », which starts « la validation du visa » or « la mairie ».
const WHOLE_ANSWER = new Map<string, Polarity>([
  ['si', 'oui'],
  ['si si', 'oui'],
  ['mais si', 'oui'],
]);

/** Adds a language's yes and no (folded), when its catalog is loaded. */
export function addPolarWords(yes: string[], no: string[]): void {
  const words = [...yes.map((p): [string, Polarity] => [p, 'oui']), ...no.map((p): [string, Polarity] => [p, 'non'])].filter(([p]) => p);
  const isNew =
    (list: [string, Polarity][]) =>
    ([p]: [string, Polarity]) =>
      !list.some(([known]) => known === p);
  const frenchWord = ([p]: [string, Polarity]) => STOPWORDS.has(p) && !POLAR_PHRASES.some(([known]) => known === p);
  for (const [p, polarity] of words.filter(frenchWord)) if (!WHOLE_ANSWER.has(p)) WHOLE_ANSWER.set(p, polarity);
  const leading = words.filter((w) => !frenchWord(w));
  POLAR_PHRASES = byLength([...POLAR_PHRASES, ...leading.filter(isNew(POLAR_PHRASES))]);
  FOREIGN_POLAR = byLength([...FOREIGN_POLAR, ...leading.filter(isNew(FOREIGN_POLAR))]);
}

// A negation just before a mention turns it around: "je ne suis pas agriculteur".
const NEGATIONS = new Set(['ne', 'n', 'pas', 'jamais', 'ni', 'non', 'sans', 'aucun', 'aucune']);
const NEGATION_WINDOW = 4;

type Polarity = 'oui' | 'non';

/** "oui" or "non" when the answer starts with one, in any everyday form, and what follows it. */
export function polarityOf(text: string): { polarity: Polarity; rest: string } | undefined {
  const folded = foldText(text).replace(FILLERS, '');
  const whole = WHOLE_ANSWER.get(folded);
  if (whole) return { polarity: whole, rest: '' };
  for (const [phrase, polarity] of POLAR_PHRASES) {
    if (folded === phrase || folded.startsWith(`${phrase} `)) return { polarity, rest: folded.slice(phrase.length).trim() };
  }
  return undefined;
}

const choicePolarity = (choice: Choosable): Polarity | undefined => {
  const label = foldText(choice.label);
  const french = label.match(/^(oui|non)\b/)?.[1] as Polarity | undefined;
  return french ?? FOREIGN_POLAR.find(([p]) => label === p || label.startsWith(`${p} `))?.[1];
};

/** Index of the choice the person picked, or undefined when the message is not clearly one of them. */
export function recognizeChoice(text: string, choices: Choosable[]): number | undefined {
  const folded = foldText(text);
  if (!folded) return undefined;

  const ordinal = folded.match(ORDINAL_ONLY)?.[1];
  if (ordinal !== undefined) {
    if (/^\d+$/.test(ordinal)) {
      const n = Number(ordinal) - 1;
      return n >= 0 && n < choices.length ? n : undefined;
    }
    if (/^dernier(e)?$/.test(ordinal)) return choices.length - 1;
    for (const [pattern, index] of ORDINALS) if (pattern.test(ordinal) && index < choices.length && !isChoiceWord(ordinal, choices)) return index;
  }

  const polar = polarityOf(folded);
  if (polar) {
    const same = choices.flatMap((c, i) => (choicePolarity(c) === polar.polarity ? [i] : []));
    if (same.length === 1) return same[0];
    if (same.length > 1) {
      const among = polar.rest
        ? mentionedChoice(
            polar.rest,
            same.map((i) => choices[i]),
            true,
          )
        : undefined;
      return among === undefined ? undefined : same[among];
    }
    // Not a yes-or-no question ("non, à l'étranger"): what follows the yes or no is the answer.
    if (polar.rest) return mentionedChoice(polar.rest, choices, true);
  }

  return mentionedChoice(folded, choices, true);
}

function isChoiceWord(word: string, choices: Choosable[]): boolean {
  return choices.some((c) => foldText(c.label) === word);
}

/** What a choice can be recognised by: its label, the label without its "Oui, " or "Non, ", its synonyms. */
function phrasesOf(choice: Choosable): string[] {
  const label = foldText(choice.label);
  const core = label.replace(/^(oui|non)\b\s*/, '');
  return [...new Set([label, ...(core.length >= 4 ? [core] : []), ...choice.synonyms.map(foldText)])].filter(Boolean);
}

interface Mention {
  index: number;
  start: number;
  end: number;
  negated: boolean;
}

function mentionsIn(folded: string, choices: Choosable[]): Mention[] {
  const padded = ` ${folded} `;
  const mentions: Mention[] = [];
  choices.forEach((choice, index) => {
    for (const phrase of phrasesOf(choice)) {
      for (let at = padded.indexOf(` ${phrase} `); at >= 0; at = padded.indexOf(` ${phrase} `, at + 1)) {
        const before = padded.slice(0, at).trim().split(' ').slice(-NEGATION_WINDOW);
        mentions.push({ index, start: at, end: at + phrase.length, negated: before.some((w) => NEGATIONS.has(w)) });
      }
    }
  });
  // "pas à paris" says more than the "paris" inside it.
  return mentions.filter((m) => !mentions.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
}

/**
 * The one choice the text mentions. Used both for answers and to pick up facts already
 * given in the first message ("je vis au Canada", "j'ai travaillé dans l'agriculture"),
 * where typo tolerance is off to avoid guessing. A negated mention of the "Oui" choice of
 * a yes-or-no question is its "Non" ("je ne suis pas agriculteur"); any other negated
 * mention is no answer.
 */
export function mentionedChoice(text: string, choices: Choosable[], tolerateTypos = false): number | undefined {
  const folded = foldText(text);
  const noChoice = choices.findIndex((c) => choicePolarity(c) === 'non');
  const hits = new Set<number>();
  for (const mention of mentionsIn(folded, choices)) {
    if (!mention.negated) hits.add(mention.index);
    else if (choicePolarity(choices[mention.index]) === 'oui' && noChoice >= 0) hits.add(noChoice);
  }
  if (hits.size === 1) return [...hits][0];
  if (hits.size > 1 || !tolerateTypos) return undefined;
  return closestLabel(folded, choices);
}

/** The choice whose label or synonym the whole answer is a misspelling of ("etrenger"). */
function closestLabel(typed: string, choices: Choosable[]): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  let tie = false;
  choices.forEach((choice, index) => {
    for (const p of phrasesOf(choice)) {
      const allowed = typosInChoice(p);
      const d = Math.abs(typed.length - p.length) > allowed ? Infinity : editDistance(typed, p);
      if (d <= allowed && d < bestDistance) {
        best = index;
        bestDistance = d;
        tie = false;
      } else if (d <= allowed && d === bestDistance && best !== index) tie = true;
    }
  });
  return tie ? undefined : best;
}

/**
 * The choice a commune answers, for questions about where one lives: the choice naming it
 * ("Oui, à Paris"), or else the one naming France ("Non, ailleurs en France", "En France").
 */
export function choiceForCommune(communeName: string, choices: Choosable[]): number | undefined {
  const name = foldText(communeName).replace(/ \d+(e|er)? arrondissement$/, '');
  const naming = (word: string) => choices.flatMap((c, i) => (` ${foldText(c.label)} `.includes(` ${word} `) ? [i] : []));
  const exact = naming(name);
  if (exact.length === 1) return exact[0];
  const france = naming('france');
  return exact.length === 0 && france.length === 1 ? france[0] : undefined;
}

/** The choice that says the person lives abroad ("À l'étranger"), for "je vis au Canada". */
export function choiceForAbroad(choices: Choosable[]): number | undefined {
  const abroad = choices.flatMap((c, i) => (/\betranger\b/.test(foldText(c.label)) ? [i] : []));
  return abroad.length === 1 ? abroad[0] : undefined;
}
