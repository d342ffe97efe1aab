// eslint-disable-next-line @typescript-eslint/no-require-imports -- tinyld ships CommonJS; eld, better on short texts, is ESM only
const tinyld: { detectAll(text: string): { lang: string; accuracy: number }[] } = require('tinyld');
import { foldText } from '../../knowledge/text';
import { STOPWORDS as FRENCH_STOPWORDS } from '../nlu/stopwords';
import { stopwordsOf } from './analyze';

// The language of one message, so that a person may switch at any time. French is the
// default and wins whenever in doubt: a short message (« bonjour », « ok », « CAF »), a
// message whose small words are French as much as another language's, a statistical guess
// that is not sure. Scripts other than Latin say the language (or its family) by
// themselves; in Latin script, a language's small words (« I », « my », « the ») decide,
// and tinyld (n-grams) only for languages without a list or to break a tie.

/** fewer words than this in Latin script: too little to leave French (or the language in use) */
const MIN_LATIN_WORDS = 3;
/** from this many words, tinyld alone may name a Latin-script language without a stop-word list */
const MIN_STATISTICAL_WORDS = 4;
const MIN_ACCURACY = 0.5;

/** Scripts that say the language, or the languages tinyld chooses among. */
const SCRIPTS: [RegExp, string[]][] = [
  [/\p{Script=Arabic}/u, ['ar', 'fa', 'ur', 'ps', 'ku']],
  [/\p{Script=Cyrillic}/u, ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk', 'ky', 'mn', 'tg']],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, ['ja']],
  [/\p{Script=Hangul}/u, ['ko']],
  [/\p{Script=Han}/u, ['zh']],
  [/\p{Script=Greek}/u, ['el']],
  [/\p{Script=Hebrew}/u, ['he', 'yi']],
  [/\p{Script=Armenian}/u, ['hy']],
  [/\p{Script=Georgian}/u, ['ka']],
  [/\p{Script=Devanagari}/u, ['hi', 'ne', 'mr']],
  [/\p{Script=Bengali}/u, ['bn']],
  [/\p{Script=Tamil}/u, ['ta']],
  [/\p{Script=Telugu}/u, ['te']],
  [/\p{Script=Gurmukhi}/u, ['pa']],
  [/\p{Script=Gujarati}/u, ['gu']],
  [/\p{Script=Thai}/u, ['th']],
  [/\p{Script=Ethiopic}/u, ['am', 'ti']],
  [/\p{Script=Khmer}/u, ['km']],
  [/\p{Script=Myanmar}/u, ['my']],
  [/\p{Script=Sinhala}/u, ['si']],
];

const LATIN_LISTS = ['en', 'es', 'pt', 'it', 'nl'];
let latinStopwords: Map<string, Set<string>> | undefined;
const listsOf = () => (latinStopwords ??= new Map(LATIN_LISTS.map((lang) => [lang, stopwordsOf(lang)])));

/** tinyld's best guess among `allowed` (all when empty), when sure enough. */
function statistical(text: string, allowed: string[], minAccuracy = MIN_ACCURACY): string | undefined {
  const guesses = tinyld.detectAll(text).filter((g) => allowed.length === 0 || allowed.includes(g.lang));
  return guesses[0] && guesses[0].accuracy >= minAccuracy ? guesses[0].lang : undefined;
}

export interface Detected {
  /** ISO 639-1 */
  lang: string;
  /** what told it: the script, the small words, or n-grams only (the weakest: a French message the bot understands stays French) */
  by: 'script' | 'words' | 'ngrams';
}

/**
 * The language a message is written in, 'fr' when it is clearly French, or undefined when
 * it is too short or too mixed to say: the conversation keeps its language.
 */
export function detectLanguage(text: string): Detected | undefined {
  const lang = guessLanguage(text);
  return lang && { lang: lang[0], by: lang[1] };
}

function guessLanguage(text: string): [string, Detected['by']] | undefined {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return undefined;
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (latin * 2 < letters.length) {
    const script = SCRIPTS.find(([pattern]) => pattern.test(text));
    if (!script) return undefined;
    const [, family] = script;
    return [family.length === 1 ? family[0] : (statistical(text, family, 0) ?? family[0]), 'script'];
  }
  const words = foldText(text).split(' ').filter(Boolean);
  if (words.length < MIN_LATIN_WORDS) return undefined;
  const french = words.filter((w) => FRENCH_STOPWORDS.has(w)).length;
  const hits = [...listsOf()].map(([lang, list]) => ({ lang, count: words.filter((w) => list.has(w)).length })).sort((a, b) => b.count - a.count);
  const best = hits[0];
  if (french >= 2 && french >= best.count) return ['fr', 'words'];
  if (best.count >= 2 && best.count > french) {
    const tied = hits.filter((h) => h.count === best.count).map((h) => h.lang);
    return [tied.length === 1 ? best.lang : (statistical(text, tied, 0) ?? best.lang), 'words'];
  }
  // few small words of any list: n-grams say which language, French included
  const guess = words.length >= MIN_STATISTICAL_WORDS ? statistical(text, []) : undefined;
  if (guess) return guess === 'fr' || french <= 1 ? [guess, 'ngrams'] : ['fr', 'words'];
  if (best.count === 1 && french === 0) return [best.lang, 'words'];
  return french > best.count ? ['fr', 'words'] : undefined;
}
