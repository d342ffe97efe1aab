// The words of a language as a dictionary lists them (an-array-of-french-words, about 336,000
// forms; an-array-of-english-words, about 275,000; both MIT). A word people typed that is one of
// them is not a slip of another one: « voile » is not « vole », « heard » is not « hard »,
// whatever the trees know.
//
// Parsing the package's JSON and folding every word costs about a second: that would be most
// of a cold start. The folded words are kept sorted in the cache folder, one per line, and read
// as one string: a lookup is a binary search over its lines, so that no array of 336,000 strings
// is built at start (splitting it took 0.1 to 0.2 s, and as much again in the garbage collector).
import { join } from 'node:path';
import { cachedValue } from '../../knowledge/file-cache';
import { foldText } from '../../knowledge/text';

export interface Lexicon {
  has(word: string): boolean;
  /**
   * A listed word may still be taken for another form of a known one (« attacher » for
   * « attaché »): French, whose matcher compares stems shorter than its inflections. English
   * stems its forms alike, so a listed English word is never « corrected » (« words » is not « works »).
   */
  formsCorrected: boolean;
}

const PACKAGES: Partial<Record<string, string>> = { fr: 'an-array-of-french-words', en: 'an-array-of-english-words' };

/** The package's words folded, without repeats, sorted, one per line. */
function foldedSortedWords(pkg: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- read only when the cache is cold
  const words = require(`${pkg}/index.json`) as string[];
  return [...new Set(words.map(foldText))].sort().join('\n');
}

const cachedWords = (lang: string, pkg: string): string =>
  cachedValue(
    lang === 'fr' ? 'lexicon' : `lexicon-${lang}`,
    { suffix: '.words.txt', serialize: (words) => words, deserialize: (text) => text },
    [__filename, join(__dirname, '..', '..', 'knowledge', 'text.ts'), require.resolve(`${pkg}/package.json`)],
    () => foldedSortedWords(pkg),
  );

/** `lines`: sorted words, one per line; a lookup bisects the text itself, line by line. */
function sortedLexicon(lines: string, formsCorrected: boolean): Lexicon {
  return {
    formsCorrected,
    has(word) {
      // the lines still possible are those starting in [low, high), both the start of a line (or the end)
      let low = 0;
      let high = lines.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        const start = middle === low ? low : lines.lastIndexOf('\n', middle - 1) + 1;
        const newline = lines.indexOf('\n', start);
        const end = newline < 0 ? lines.length : newline;
        const found = lines.slice(start, end);
        if (found === word) return true;
        if (found < word) low = end + 1;
        else high = start;
      }
      return false;
    },
  };
}

const lexicons = new Map<string, Lexicon>();
const NONE: Lexicon = { has: () => false, formsCorrected: false };

/** A language's words, folded; read once per process, on the first call; none known: an empty lexicon. */
export function lexiconOf(lang: string): Lexicon {
  const pkg = PACKAGES[lang];
  if (!pkg) return NONE;
  let lexicon = lexicons.get(lang);
  if (!lexicon) {
    lexicon = sortedLexicon(cachedWords(lang, pkg), lang === 'fr');
    lexicons.set(lang, lexicon);
  }
  return lexicon;
}

/** Whether a dictionary of the language is known (lexiconOf is empty otherwise). */
export const hasLexicon = (lang: string): boolean => PACKAGES[lang] !== undefined;

/** French words, folded. */
export const frenchLexicon = (): Lexicon => lexiconOf('fr');
