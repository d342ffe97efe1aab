import { foldText } from '../../knowledge/text';
import { smsSpelling } from '../nlu/normalize';
import { hanSplit, signalWords } from './pattern';

// The words of a message as the emergency detector compares them, in one pass over its
// characters: the detector reads every message first, up to 4,000 characters, so folding it
// with a chain of replacements over the whole text (foldText) would cost more than the rest.
// The words are those of signalWords, with doubled letters written once (see single).

/**
 * Words typed fast on a phone lose or double a letter (« frapé », « apeller »): signals and
 * messages are both compared with every doubled letter written once. Except « ss », which
 * makes another word (« poisson » is not « poison », « dessert » not « désert »).
 */
export const single = (word: string): string => word.replace(/([^s])\1+/g, '$1');

/**
 * One character folded alone, as foldText folds it within a text: its letters, nothing for an
 * accent (the letters around it stay one word), a space for a separator. Between two « a »,
 * since foldText trims a lone separator to nothing, as it does an accent.
 */
const foldedAlone = (char: string): string => foldText(`a${char}a`).slice(1, -1);

/** Characters of the Basic Multilingual Plane already folded, by code (the others are rare); filled, so that V8 keeps it a flat array. */
const folded = new Array<string | undefined>(0x10000).fill(undefined);

function fold(code: number): string {
  if (code > 0xffff) return foldedAlone(String.fromCodePoint(code));
  return (folded[code] ??= foldedAlone(String.fromCharCode(code)));
}

/** First code of the CJK blocks: a word with no character from there has no Han character. */
const CJK = 0x2e80;

/** The message's words as the detector compares them: signalWords(text).map(single), faster. */
export function detectorWords(text: string): string[] {
  // the one letter whose lowercase depends on the letters around it (a Greek final sigma)
  if (text.includes('Σ')) return signalWords(text).map(single);
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    folded += fold(code);
  }
  const words: string[] = [];
  let start = 0;
  // whether the word may need Han splitting or single: the checks are cheaper than both
  let han = false;
  let doubled = false;
  for (let i = 0; i <= folded.length; i++) {
    const code = i < folded.length ? folded.charCodeAt(i) : SPACE;
    if (code === SPACE) {
      if (i > start) pushWord(words, folded.slice(start, i), han, doubled);
      start = i + 1;
      han = doubled = false;
    } else {
      if (i > start && code === folded.charCodeAt(i - 1) && code !== LETTER_S) doubled = true;
      if (code >= CJK) han = true;
    }
  }
  return words;
}

const SPACE = 0x20;
const LETTER_S = 0x73;

function pushWord(words: string[], word: string, han: boolean, doubled: boolean): void {
  const spelled = smsSpelling(word);
  if (spelled !== undefined) for (const part of spelled.split(' ')) words.push(single(part));
  else if (han) for (const part of hanSplit(word)) words.push(single(part));
  else words.push(doubled ? single(word) : word);
}
