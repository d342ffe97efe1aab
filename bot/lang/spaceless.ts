// Chinese (and Japanese) is written without spaces. Pairs of characters stood for words, but a
// story's pairs are mostly made across two words (« 期了 », « 了怎 » of « 过期了怎么办 »): words
// no phrase has, which made the message look as if the need explained little of it. Node's
// built-in dictionary segmenter (ICU, Intl.Segmenter) finds the words; it also cuts
// compounds apart in some sentences (« 居留|证 », « 回|执 », « 短|居 »), so a pair is still made
// where a single character stands alone, and inside a longer word: phrase and message then meet
// on the same pairs whichever way a sentence was cut.

/** Chinese and Japanese are written without spaces. */
export const SPACELESS_CHAR = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
export const SPACELESS_RUN = new RegExp(`${SPACELESS_CHAR}+`, 'gu');

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const pairsOf = (chars: string[]) => chars.slice(0, -1).map((c, i) => c + chars[i + 1]);

/**
 * The words of a run of Chinese characters: each word the segmenter finds, the pairs inside a
 * word of three characters or more, and the pair across a cut next to a lone character that is
 * not a stop word (« 居留|证 » gives « 留证 »; « 过期|了 » gives no « 期了 »).
 */
export function spacelessWords(run: string, isStopword: (word: string) => boolean): string[] {
  const segments = [...segmenter.segment(run)].map((s) => [...s.segment]);
  const words: string[] = [];
  const alone = (chars: string[] | undefined) => chars?.length === 1 && !isStopword(chars[0]);
  segments.forEach((chars, i) => {
    words.push(chars.join(''));
    if (chars.length >= 3) words.push(...pairsOf(chars));
    const next = segments[i + 1];
    if (next && (alone(chars) || alone(next))) words.push(chars[chars.length - 1] + next[0]);
  });
  return words;
}
