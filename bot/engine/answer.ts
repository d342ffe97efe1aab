import { foldText } from '../../knowledge/text';
import { editDistance, typosInChoice } from '../../knowledge/similarity';
import type { TreeChoice } from '../trees/types';

/** What an answer is recognised by: a tree's choice, or a menu entry the engine builds. */
export type Choosable = Pick<TreeChoice, 'label' | 'synonyms'>;

// Recognises an answer to a question with choices: its number ("2"), an ordinal ("la
// deuxième"), oui / non, the label or a synonym, even misspelled ("etrenger").

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
const YES = /^(oui|ouais|ouai|yes|ok|d accord|exact|exactement|tout a fait|bien sur|voila|c est ca|affirmatif)$/;
const NO = /^(non|nan|no|pas du tout|absolument pas|negatif)$/;

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

  const yesNo = YES.test(folded) ? 'oui' : NO.test(folded) ? 'non' : undefined;
  if (yesNo) {
    const index = choices.findIndex((c) => foldText(c.label).startsWith(yesNo));
    if (index >= 0) return index;
  }

  return mentionedChoice(folded, choices, true);
}

function isChoiceWord(word: string, choices: Choosable[]): boolean {
  return choices.some((c) => foldText(c.label) === word);
}

/**
 * The one choice whose label or synonym the text mentions. Used both for answers and to
 * pick up facts already given in the first message ("je vis au Canada" answers "en France
 * ou à l'étranger ?"), where typo tolerance is off to avoid guessing.
 */
export function mentionedChoice(text: string, choices: Choosable[], tolerateTypos = false): number | undefined {
  const folded = ` ${foldText(text)} `;
  const hits = new Set<number>();
  choices.forEach((choice, index) => {
    for (const phrase of [choice.label, ...choice.synonyms]) {
      const p = foldText(phrase);
      if (p && folded.includes(` ${p} `)) hits.add(index);
    }
  });
  if (hits.size === 1) return [...hits][0];
  if (hits.size > 1 || !tolerateTypos) return undefined;

  const typed = folded.trim();
  let best: number | undefined;
  let bestDistance = Infinity;
  let tie = false;
  choices.forEach((choice, index) => {
    for (const phrase of [choice.label, ...choice.synonyms]) {
      const p = foldText(phrase);
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
