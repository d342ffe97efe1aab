import { normalize } from './normalize';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';

export interface Term {
  /** the word as normalised, for showing which words matched */
  word: string;
  stem: string;
  /**
   * A denied word (« pas diplome » of « pas de diplôme »), read besides the word itself: it
   * weighs in a message only where some phrase denies the same word, so that « pas de diplôme »
   * is no longer fully matched by « mon diplôme » nor « je ne sais pas » made heavier.
   */
  negation?: true;
}

export interface Analysis {
  normalized: string;
  terms: Term[];
}

/**
 * Words that deny the next meaningful word: « pas de diplôme », « sans diplôme », « jamais reçu »,
 * « aucun revenu », « rien à manger ». Those the stop words do not drop stay words of their own.
 */
const NEGATIONS = new Set(['pas', 'sans', 'jamais', 'aucun', 'aucune', 'rien']);
/** « plus » denies only after « ne »: « je n'ai plus de logement », not « plus de 60 ans ». */
const denies = (words: string[], i: number) =>
  NEGATIONS.has(words[i]) || (words[i] === 'plus' && ['n', 'ne'].some((ne) => words[i - 1] === ne || words[i - 2] === ne));
/** How a denied word is written among the terms: « pas diplom » for « diplôme » denied. */
export const NEGATION_PREFIX = 'pas ';
/** Words a negation reaches across: « pas de », « pas d'un », « n'est pas encore rentrée ». */
const NEGATION_REACH = 3;

/**
 * A verb in the third person plural keeps its « -ent » through the stemmer, apart from its other
 * forms (« ils me harcèlent » never met « mon chef me harcèle »). After a subject or object
 * pronoun a word in « -ent » is such a verb, read as its singular; elsewhere it may be a noun or
 * an adjective (« parent », « violent », « différent »).
 */
const BEFORE_PLURAL_VERB = new Set(['ils', 'elles', 'me', 'm', 'te', 't', 'se', 's', 'nous', 'vous', 'lui', 'ne', 'n', 'y', 'qui']);
const stemOf = (words: string[], i: number) => stem(/^[a-z]{4,}ent$/.test(words[i]) && BEFORE_PLURAL_VERB.has(words[i - 1]) ? words[i].slice(0, -2) : words[i]);

/** Normalised text and its meaningful words (no stop words), each with its French stem, and the words denied. */
export function analyze(text: string): Analysis {
  const normalized = normalize(text);
  const terms: Term[] = [];
  const words = normalized.split(' ');
  let denied = -1;
  words.forEach((word, i) => {
    const negation = denies(words, i);
    if (word && !STOPWORDS.has(word)) {
      const term = { word, stem: stemOf(words, i) };
      terms.push(term);
      if (!negation && denied >= 0 && i - denied <= NEGATION_REACH)
        terms.push({ word: NEGATION_PREFIX + word, stem: NEGATION_PREFIX + term.stem, negation: true });
      if (!negation) denied = -1;
    }
    if (negation) denied = i;
  });
  return { normalized, terms };
}
