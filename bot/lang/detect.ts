import { foldText } from '../../knowledge/text';
import { STOPWORDS as FRENCH_SMALL_WORDS } from '../nlu/stopwords';
import { frenchLexicon } from '../nlu/lexicon';
import { stopwordsOf } from './analyze';
import { eldModel, newEld, type Eld } from './eld-model';

// The language of one message, so that a person may switch at any time (policy measured by
// the lang-data work, docs/languages.md): the script decides first (Han, Arabic, Cyrillic...),
// then eld restricted to the languages the bot reads, taken only when it is reliable. French
// is the default and wins when in doubt; a short or unsure message (« oui », « 2 », « merci »)
// keeps the conversation's language. A language the bot does not read is named only when eld
// on all languages is reliable, the message has 20 letters or more, fewer than half its words
// are French words, and the caller has a fixed sentence for it; or when its script is one no
// supported language uses.

/** fewer letters than this: a foreign language the bot does not read is not named (« carte vitale » is not Italian) */
export const MIN_UNSUPPORTED_LETTERS = 20;

/** Scripts that name a language by themselves (none of the bot's languages uses them). */
const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Gurmukhi}/u, 'pa'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Ethiopic}/u, 'am'],
  [/\p{Script=Han}/u, 'zh'],
];
/** letters only Persian (and Urdu, Pashto) keyboards type in Arabic script; not گ, which Moroccan Arabic writes */
const PERSIAN_LETTERS = /[پچژکی]/;
/** letters Persian keyboards do not type: tāʾ marbūṭa, Arabic yeh and kaf, alif maqṣūra */
const ARABIC_LETTERS = /[ةيكى]/;
const URDU_LETTERS = /[ٹڈڑںے]/;
const PASHTO_LETTERS = /[ټډړږښګڼ]/;
const UKRAINIAN_LETTERS = /[іїєґ]/i;
const RUSSIAN_LETTERS = /[ыэъё]/i;

/**
 * The languages eld chooses among, whichever have a translation yet: the set the policy was
 * measured on (French, English and the five of docs/languages.md), so that a Spanish message is
 * not forced into French or English while only these two are translated.
 */
const MEASURED = ['fr', 'en', 'ar', 'uk', 'ru', 'zh', 'fa'];
/**
 * Close neighbours of a supported language that eld also weighs, so that their texts are not
 * forced into it: Portuguese and Italian are not read as Spanish (they get their fixed sentence
 * when long and sure, and keep the conversation's language when short).
 */
const NEIGHBOURS: Partial<Record<string, string[]>> = { es: ['pt', 'it'] };

export interface Detected {
  /** ISO 639-1 */
  lang: string;
  by: 'script' | 'statistics';
}

/** An eld restricted to these languages. */
function restricted(languages: string[]): Eld {
  const instance = newEld();
  instance.setLanguageSubset(languages);
  return instance;
}

/** Made on first use, then kept. */
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
/** The pairs one script writes, told apart when no letter does. */
const arabicOrPersian = once(() => restricted(['ar', 'fa']));
const ukrainianOrRussian = once(() => restricted(['uk', 'ru']));

interface Candidates {
  /** the languages the bot reads: French, those measured, those supported */
  reads: Set<string>;
  /** eld restricted to those and their neighbours, made on first use */
  weighed: () => Eld;
}

const candidateSets = new Map<string, Candidates>();

/** The languages the bot reads when it reads `supported`, and the eld that chooses among them: built once per set. */
function candidatesFor(supported: string[]): Candidates {
  const key = supported.join(',');
  let found = candidateSets.get(key);
  if (!found) {
    const reads = new Set([...MEASURED, ...supported]);
    const weighed = [...new Set([...reads, ...supported.flatMap((lang) => NEIGHBOURS[lang] ?? [])])];
    found = { reads, weighed: once(() => restricted(weighed)) };
    candidateSets.set(key, found);
  }
  return found;
}

/**
 * Loads eld's model for these languages (about 0.1 s): called once the server answers, so that
 * neither the start nor the first message waits for it.
 */
export const preloadLanguageDetection = (supported: string[]): unknown => candidatesFor(supported).weighed();

/**
 * The language of a message among `supported` (French always among them), or a language the
 * bot does not read when sure; undefined when unsure: the conversation keeps its language
 * (`current`, which also settles a script two languages share when no letter tells them apart).
 */
export function detectLanguage(text: string, supported: string[], current?: string): Detected | undefined {
  const { reads, weighed } = candidatesFor(supported);
  const byScript = scriptLanguage(text, reads, current);
  if (byScript) return { lang: byScript, by: 'script' };
  const letters = letterCount(text);
  if (letters === 0) return undefined;
  const guess = weighed().detect(text);
  if (guess.language && guess.isReliable() && reads.has(guess.language) && hasSmallWords(text, guess.language))
    return { lang: guess.language, by: 'statistics' };
  if (letters < MIN_UNSUPPORTED_LETTERS) return undefined;
  const any = eldModel().detect(text);
  return any.language && any.isReliable() && !reads.has(any.language) && !mostlyFrenchWords(text) ? { lang: any.language, by: 'statistics' } : undefined;
}

/**
 * Half the words or more are French words: the message is French typed without apostrophes or
 * accents (« j ai egare ma carte nationale d identite » is not Italian, « indemnites
 * journalieres maternite » not German), whatever the statistics of its letters say.
 */
function mostlyFrenchWords(text: string): boolean {
  const words = foldText(text)
    .split(' ')
    .filter((word) => word.length > 1);
  const french = frenchLexicon();
  return words.filter((word) => french.has(word)).length * 2 >= words.length;
}

/**
 * Leaving French on statistics alone takes one small word of the other language (« I », « my »,
 * « the »), one that French does not also write: « prime d activiter » or « creer mon auto
 * entreprise » have none and stay French, and so does « rompre un cdd » (« un » is Spanish too).
 */
function hasSmallWords(text: string, lang: string): boolean {
  if (lang === 'fr') return true;
  const list = stopwordsOf(lang);
  // one letter says little (« d », « l » of French elisions), but « I » does
  return (
    list.size === 0 ||
    foldText(text)
      .split(' ')
      .some((word) => list.has(word) && !FRENCH_SMALL_WORDS.has(word) && (word.length > 1 || word === 'i'))
  );
}

/**
 * Arabic script and Cyrillic by their letters: a letter only Persian keyboards type (not گ,
 * which Moroccan Arabic writes) or only Arabic ones type (ي ة ك: eld takes Maghrebi Arabic for
 * Persian) decides; a Ukrainian or a Russian letter decides. A message with no telling letter
 * keeps the conversation's language when it is one of the pair: in Arabic script at any length
 * (« سلام », « ممنون »), in Cyrillic when short (« Здравствуйте »; longer Ukrainian without і is
 * common). Otherwise eld decides when it is sure; Arabic, Russian by default.
 */
function scriptLanguage(text: string, reads: Set<string>, current: string | undefined): string | undefined {
  if (/\p{Script=Arabic}/u.test(text)) {
    if (PASHTO_LETTERS.test(text)) return 'ps';
    if (URDU_LETTERS.test(text)) return 'ur';
    if (PERSIAN_LETTERS.test(text)) return reads.has('fa') && !saysReliably(arabicOrPersian(), text, 'ar') ? 'fa' : 'ar';
    if (ARABIC_LETTERS.test(text)) return 'ar';
    if (current === 'ar' || current === 'fa') return current;
    return reads.has('fa') && saysReliably(arabicOrPersian(), text, 'fa') ? 'fa' : 'ar';
  }
  if (/\p{Script=Cyrillic}/u.test(text)) {
    if (UKRAINIAN_LETTERS.test(text)) return 'uk';
    if (RUSSIAN_LETTERS.test(text)) return 'ru';
    if (isShort(text) && (current === 'uk' || current === 'ru')) return current;
    // short Ukrainian often has no і (« я загубив паспорт »): eld tells it, when it is sure
    return reads.has('uk') && saysReliably(ukrainianOrRussian(), text, 'uk') ? 'uk' : 'ru';
  }
  return SCRIPTS.find(([pattern]) => pattern.test(text))?.[1];
}

const letterCount = (text: string): number => (text.match(/\p{L}/gu) ?? []).length;
const isShort = (text: string): boolean => letterCount(text) < MIN_UNSUPPORTED_LETTERS;

function saysReliably(among: Eld, text: string, lang: string): boolean {
  const guess = among.detect(text);
  return guess.language === lang && guess.isReliable();
}
