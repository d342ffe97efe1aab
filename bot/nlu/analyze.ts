import { normalize } from './normalize';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';

export interface Term {
  /** the word as normalised, for showing which words matched */
  word: string;
  stem: string;
}

export interface Analysis {
  normalized: string;
  terms: Term[];
}

/** Normalised text and its meaningful words (no stop words), each with its French stem. */
export function analyze(text: string): Analysis {
  const normalized = normalize(text);
  const terms: Term[] = [];
  for (const word of normalized.split(' ')) {
    if (!word || STOPWORDS.has(word)) continue;
    terms.push({ word, stem: stem(word) });
  }
  return { normalized, terms };
}
