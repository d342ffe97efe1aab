import type { Intent } from '../trees/types';
import { analyze as analyzeFrench, NEGATION_PREFIX, type Analysis, type Term } from './analyze';

// What the matcher knows of a set of intents, as plain data: arrays and numbers only, so that
// it can be written to the compiled snapshot (bot/trees/snapshot.ts) or sent from a worker
// thread, and turned back into a matcher without analysing a single phrase again.

/** examples are longer and looser than keywords: a full match is worth a little less */
const EXAMPLE_WEIGHT = 0.9;
/**
 * A need's situations (those of the Service-Public.fr fiches, scripts/service-public/intents.ts:
 * « À Paris », « Autres », « En première », « À votre demande ») are answers to its questions,
 * not names of the need: a story that mentions Paris is not about the rent of Paris flats.
 */
const SITUATION_WEIGHT = 0.6;
/**
 * The rarity, relative to the rarest word, that a phrase needs in all to count fully: « à votre
 * demande » or « au travail » (situations of generated needs) are covered by half the messages.
 */
const STRONG_PHRASE_WEIGHT = 0.5;
/**
 * A denied word (« pas diplom ») weighs this share of the word's own rarity, not its own: a
 * message without « pas » (« j'ai perdu mon diplôme ») covers two thirds of « pas de diplôme », no longer all of it.
 */
const NEGATION_WEIGHT = 0.5;

export interface MatcherIndex {
  intentCount: number;
  /** every stem of the intents' phrases; the other per-stem arrays follow this order */
  stems: string[];
  /** rarity of each stem across intents (idf), so that « carte » counts less than « vitale » */
  idf: number[];
  /** per stem: the phrases that hold it, ascending */
  phrasePostings: number[][];
  /** per stem: the intents that hold it, ascending */
  intentPostings: number[][];
  /** per phrase (a title, keyword, synonym, situation or example): its intent */
  phraseIntent: number[];
  /** per phrase: the sum of its stems' idf */
  phraseTotal: number[];
  /** per phrase: EXAMPLE_WEIGHT for examples, SITUATION_WEIGHT for situations, 1 otherwise */
  phraseWeight: number[];
  /** per phrase, 0..1: a phrase of common words only is weak evidence, however fully a message covers it */
  phraseStrength: number[];
  /** stem -> intents whose `exclude` words hold it */
  excluded: [string, number[]][];
  /** every word of the phrases -> its stem, for the typo corrector */
  vocabulary: [string, string][];
}

const addPosting = (lists: number[][], at: number, value: number) => {
  const list = lists[at];
  if (list[list.length - 1] !== value) list.push(value);
};

/** Analyses every phrase of the intents once: the costly part of building a matcher. */
/** `analyze`: how phrases are read, French unless given (bot/lang/analyze.ts for other languages). */
export function indexIntents(intents: Intent[], analyze: (text: string) => Analysis = analyzeFrench): MatcherIndex {
  const stemIds = new Map<string, number>();
  const stems: string[] = [];
  const intentPostings: number[][] = [];
  const stemId = (stem: string): number => {
    let id = stemIds.get(stem);
    if (id === undefined) {
      id = stems.push(stem) - 1;
      stemIds.set(stem, id);
      intentPostings.push([]);
    }
    return id;
  };
  const excluded = new Map<string, number[]>();
  const vocabulary = new Map<string, string>();

  const rawPhrases: { intent: number; terms: Term[]; weight: number }[] = [];
  intents.forEach((intent, index) => {
    const add = (text: string, weight: number) => {
      const terms = analyze(text).terms;
      if (terms.length === 0) return;
      rawPhrases.push({ intent: index, terms, weight });
      for (const term of terms) if (!term.negation) vocabulary.set(term.word, term.stem);
    };
    add(intent.title, 1);
    for (const k of intent.keywords) add(k, 1);
    for (const s of intent.synonyms) add(s, 1);
    for (const s of intent.situations) add(s, SITUATION_WEIGHT);
    for (const e of intent.examples) add(e, EXAMPLE_WEIGHT);
    for (const x of intent.exclude) {
      for (const term of analyze(x).terms.filter((t) => !t.negation)) {
        const list = excluded.get(term.stem);
        if (!list) excluded.set(term.stem, [index]);
        else if (list[list.length - 1] !== index) list.push(index);
      }
    }
  });

  // Postings are filled in intent order, so each list stays sorted and deduplicated.
  for (const raw of rawPhrases) for (const term of raw.terms) addPosting(intentPostings, stemId(term.stem), raw.intent);

  const intentCount = Math.max(intents.length, 1);
  const idf = intentPostings.map((list) => Math.log(1 + intentCount / list.length));
  stems.forEach((stem, id) => {
    const denied = stem.startsWith(NEGATION_PREFIX) ? stemIds.get(stem.slice(NEGATION_PREFIX.length)) : undefined;
    if (denied !== undefined) idf[id] = NEGATION_WEIGHT * idf[denied];
  });
  const strongPhraseWeight = Math.log(1 + intentCount) * STRONG_PHRASE_WEIGHT;

  const index: MatcherIndex = {
    intentCount: intents.length,
    stems,
    idf,
    phrasePostings: stems.map(() => []),
    intentPostings,
    phraseIntent: [],
    phraseTotal: [],
    phraseWeight: [],
    phraseStrength: [],
    excluded: [...excluded],
    vocabulary: [...vocabulary],
  };
  for (const raw of rawPhrases) {
    const ids = [...new Set(raw.terms.map((t) => t.stem))].map((s) => stemIds.get(s)!);
    const total = ids.reduce((sum, id) => sum + idf[id], 0);
    const phrase = index.phraseIntent.push(raw.intent) - 1;
    index.phraseTotal.push(total);
    index.phraseWeight.push(raw.weight);
    index.phraseStrength.push(Math.min(1, total / strongPhraseWeight));
    for (const id of ids) addPosting(index.phrasePostings, id, phrase);
  }
  return index;
}
