// The words of French as a dictionary lists them (an-array-of-french-words, MIT, about 336,000
// forms). A word people typed that is one of them is not a slip of another one: « voile » is
// not « vole », whatever the trees know.
//
// Parsing the package's JSON and folding every word costs about a second: that would be most
// of a cold start. The folded words are kept sorted in the cache folder, one per line, read in
// a few tens of milliseconds; a lookup is a binary search, no set of 320,000 strings is built.
import { join } from 'node:path';
import { cachedValue } from '../../knowledge/file-cache';
import { foldText } from '../../knowledge/text';

export interface Lexicon {
  has(word: string): boolean;
}

const PACKAGE = 'an-array-of-french-words';

function foldedSortedWords(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- read only when the cache is cold
  const words = require(`${PACKAGE}/index.json`) as string[];
  return [...new Set(words.map(foldText))].sort();
}

const cachedWords = (): string[] =>
  cachedValue(
    'lexicon',
    { suffix: '.words.txt', serialize: (words) => words.join('\n'), deserialize: (text) => text.split('\n') },
    [__filename, join(__dirname, '..', '..', 'knowledge', 'text.ts'), require.resolve(`${PACKAGE}/package.json`)],
    foldedSortedWords,
  );

function sortedLexicon(words: string[]): Lexicon {
  return {
    has(word) {
      let low = 0;
      let high = words.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const found = words[middle];
        if (found === word) return true;
        if (found < word) low = middle + 1;
        else high = middle - 1;
      }
      return false;
    },
  };
}

let lexicon: Lexicon | undefined;

/** French words, folded; read once per process, on the first call. */
export function frenchLexicon(): Lexicon {
  lexicon ??= sortedLexicon(cachedWords());
  return lexicon;
}
