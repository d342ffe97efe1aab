import Fuse from 'fuse.js';
import { editDistance, MAX_TYPO_WORD_LENGTH, typosInWord } from '../../knowledge/similarity';
import { frenchLexicon, type Lexicon } from './lexicon';

const FUZZY_MIN_LENGTH = 4;
const FUZZY_THRESHOLD = 0.3;
const ELIDED = /^(qu|[cdjlmnst])([aeiouyh][a-z]{3,})$/;

/** Which letters a word holds, one bit per letter (a-z fold to 1..26; anything else shares bits). */
function letters(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}

/** Known words of one initial, with what the prefilter needs of each. */
interface Bucket {
  words: string[];
  masks: Int32Array;
  fuse: Fuse<string>;
}

/**
 * Finds the known word a misspelled one stands for ("passport" -> "passeport").
 * Candidates share the first letter, which keeps each search small at 10,000 intents.
 *
 * Fuse ranks the candidates, and its best hit within typosInWord edits wins. Most unknown
 * words are no typo of any known word, and a Fuse search costs more than the rest of the
 * match: a word is first checked against each known word of its initial with cheap exact
 * bounds (length, letters missing on either side, then the edit distance itself), and
 * Fuse runs only when some known word is close enough, so the answer is the same as
 * searching every time.
 */
/** `lexicon`: the words of the language people write, none of which is taken for a slip (French unless given). */
export function buildTypoCorrector(vocabulary: string[], lexicon: () => Lexicon = frenchLexicon): (word: string) => string | undefined {
  const byInitial = new Map<string, string[]>();
  for (const word of vocabulary) {
    if (word.length < FUZZY_MIN_LENGTH - 1) continue;
    const list = byInitial.get(word[0]) ?? [];
    list.push(word);
    byInitial.set(word[0], list);
  }
  // Each initial's index on the first word of that initial to check (a millisecond or two): a
  // start or a reload does not build all of them while citizens wait.
  const buckets = new Map<string, Bucket>();
  const bucketOf = (initial: string): Bucket | undefined => {
    const words = byInitial.get(initial);
    if (!words || buckets.has(initial)) return buckets.get(initial);
    const bucket = {
      words,
      masks: Int32Array.from(words, letters),
      fuse: new Fuse(words, { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true }),
    };
    buckets.set(initial, bucket);
    return bucket;
  };
  const cache = new Map<string, string | undefined>();
  const known = new Set(vocabulary);
  // Read on the first word that may be a slip (a few hundred thousand words), not with the trees.
  let dictionary: Lexicon | undefined;
  const closest = (word: string): string | undefined => {
    const bucket = bucketOf(word[0]);
    const typos = typosInWord(word);
    if (!bucket || !anyWithin(bucket, word, typos)) return undefined;
    return bucket.fuse.search(word, { limit: 3 }).find((hit) => editDistance(hit.item, word) <= typos)?.item;
  };
  return (word) => {
    if (word.length < FUZZY_MIN_LENGTH || word.length > MAX_TYPO_WORD_LENGTH || /\d/.test(word)) return undefined;
    if (cache.has(word)) return cache.get(word);
    // An elided article glued to its word, as typed without apostrophe: "didentite", "lecole".
    const unglued = word.match(ELIDED)?.[2];
    const found = unglued && known.has(unglued) ? unglued : (closest(word) ?? (unglued && closest(unglued)));
    // A real word is no slip of another one (« voile » is not « vole »), only another form of itself (« attacher », « attaché »).
    const corrected = found && (dictionary ??= lexicon()).has(word) && !(dictionary.formsCorrected && sameRoot(word, found)) ? undefined : found;
    if (cache.size < 10_000) cache.set(word, corrected || undefined);
    return corrected || undefined;
  };
}

/**
 * Endings of French inflections, folded: « attacher » and « attaché » differ by them, while
 * « saine » and « saint », « heurte » and « heure », « vendee » and « vendre » are other words.
 */
const INFLECTION = new Set([
  '',
  'e',
  's',
  'es',
  'x',
  'r',
  'er',
  'ee',
  'ees',
  'ez',
  'ai',
  'ais',
  'ait',
  'ent',
  'a',
  'i',
  'is',
  'it',
  'ir',
  'u',
  'ue',
  'us',
  'ues',
]);

/** Two forms of one word: the same root, then endings of inflections only. */
function sameRoot(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= Math.max(3, Math.min(a.length, b.length) - 2) && INFLECTION.has(a.slice(common)) && INFLECTION.has(b.slice(common));
}

/**
 * Whether some word of the bucket is within `typos` edits of `word`. Each edit changes the
 * length by at most one and brings or removes at most one letter, so a word whose length or
 * letters differ more cannot be within reach; the few left are measured exactly.
 */
function anyWithin(bucket: Bucket, word: string, typos: number): boolean {
  const mask = letters(word);
  const { words, masks } = bucket;
  for (let i = 0; i < words.length; i++) {
    const known = words[i];
    if (Math.abs(known.length - word.length) > typos) continue;
    if (bitCount(mask & ~masks[i]) > typos || bitCount(masks[i] & ~mask) > typos) continue;
    if (editDistance(known, word) <= typos) return true;
  }
  return false;
}
