import Fuse from 'fuse.js';
import type { Intent } from '../trees/types';
import { analyze, type Term } from './analyze';
import { editDistance, MAX_TYPO_WORD_LENGTH, typosInWord } from '../../knowledge/similarity';
import type { OfficeName } from '../../knowledge/types';
import { buildOfficeNameFinder } from './office-names';

export interface Candidate {
  intent: Intent;
  /** 0..1: how well the message matches this intent */
  score: number;
  /** the words of the message that matched this intent */
  matched: string[];
}

export interface MatchResult {
  normalized: string;
  /** message words after typo correction, as the matcher saw them */
  words: string[];
  candidates: Candidate[];
}

export interface Matcher {
  match(text: string, limit?: number): MatchResult;
}

// Score = how fully the message covers the intent's best phrase (a keyword, synonym, title
// or example), blended with how much of the message the intent explains. Words are weighted
// by rarity across intents (idf), so "carte" counts less than "vitale".
const BEST_PHRASE_WEIGHT = 0.55;
const MESSAGE_COVERAGE_WEIGHT = 0.35;
const SECOND_PHRASE_WEIGHT = 0.1;
/** examples are longer and looser than keywords: a full match is worth a little less */
const EXAMPLE_WEIGHT = 0.9;
const EXCLUDED_FACTOR = 0.4;
/** a one-word message that is only part of the need's phrases (« heure » of « heures sup ») */
const PARTIAL_WORD_FACTOR = 0.85;
/** curated trees win over generated ones when both match as well */
const GENERATED_FACTOR = 0.92;
/** weight of a word no tree knows, relative to the rarest known word */
const UNKNOWN_WORD_WEIGHT = 0.6;
/**
 * A message counts as at least this heavy (relative to the rarest word), so that one common
 * word alone (« heure », « aide », « soir ») does not explain « the whole message ».
 */
const MIN_MESSAGE_WEIGHT = 0.8;
/** added to a need that leads to an office the message names (« la caf », « l'ANTS ») */
const NAMED_OFFICE_BONUS = 0.06;
/**
 * The rarity, relative to the rarest word, that a phrase needs in all to count fully: « à votre
 * demande » or « au travail » (situations of generated needs) are covered by half the messages.
 */
const STRONG_PHRASE_WEIGHT = 0.5;
const FUZZY_MIN_LENGTH = 4;
const FUZZY_THRESHOLD = 0.3;

interface Phrase {
  intent: number;
  stems: string[];
  total: number;
  weight: number;
  /** 0..1: a phrase of common words only is weak evidence, however fully a message covers it */
  strength: number;
}

export interface MatcherOptions {
  /** what people call offices, from the service catalog: a need leading to a named office ranks higher */
  officeNames?: OfficeName[];
}

export function buildMatcher(intents: Intent[], options: MatcherOptions = {}): Matcher {
  const findOffices = buildOfficeNameFinder(options.officeNames ?? []);
  const intentServices = intents.map((intent) => new Set(Object.values(intent.outcomes).flatMap((o) => o.services)));
  const phrases: Phrase[] = [];
  const phrasePostings = new Map<string, number[]>();
  const intentPostings = new Map<string, number[]>();
  const excluded = new Map<string, number[]>();
  const vocabulary = new Map<string, string>(); // word -> stem

  const addPosting = (map: Map<string, number[]>, key: string, value: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (list[list.length - 1] !== value) list.push(value);
  };

  const rawPhrases: { intent: number; terms: Term[]; weight: number }[] = [];
  intents.forEach((intent, index) => {
    const add = (text: string, weight: number) => {
      const terms = analyze(text).terms;
      if (terms.length === 0) return;
      rawPhrases.push({ intent: index, terms, weight });
      for (const term of terms) vocabulary.set(term.word, term.stem);
    };
    add(intent.title, 1);
    for (const k of intent.keywords) add(k, 1);
    for (const s of intent.synonyms) add(s, 1);
    for (const e of intent.examples) add(e, EXAMPLE_WEIGHT);
    for (const x of intent.exclude) for (const term of analyze(x).terms) addPosting(excluded, term.stem, index);
  });

  // Postings are filled in intent order, so each list stays sorted and deduplicated.
  for (const raw of rawPhrases) for (const term of raw.terms) addPosting(intentPostings, term.stem, raw.intent);

  const intentCount = Math.max(intents.length, 1);
  const idf = new Map<string, number>();
  for (const [s, list] of intentPostings) idf.set(s, Math.log(1 + intentCount / list.length));
  const unknownWeight = Math.log(1 + intentCount) * UNKNOWN_WORD_WEIGHT;
  const minMessageWeight = Math.log(1 + intentCount) * MIN_MESSAGE_WEIGHT;
  const strongPhraseWeight = Math.log(1 + intentCount) * STRONG_PHRASE_WEIGHT;

  for (const raw of rawPhrases) {
    const stems = [...new Set(raw.terms.map((t) => t.stem))];
    const total = stems.reduce((sum, s) => sum + (idf.get(s) ?? 0), 0);
    const strength = Math.min(1, total / strongPhraseWeight);
    const index = phrases.push({ intent: raw.intent, stems, total, weight: raw.weight, strength }) - 1;
    for (const s of stems) addPosting(phrasePostings, s, index);
  }

  const fuzzy = buildTypoCorrector([...vocabulary.keys()]);

  function match(text: string, limit = 5): MatchResult {
    const analysis = analyze(text);
    const terms: Term[] = analysis.terms.map((term) => {
      if (idf.has(term.stem)) return term;
      const corrected = fuzzy(term.word);
      return corrected ? { word: corrected, stem: vocabulary.get(corrected)! } : term;
    });

    const seen = new Set<string>();
    let messageWeight = 0;
    const phraseHits = new Map<number, number>();
    const intentHits = new Map<number, { weight: number; words: string[] }>();
    const excludedIntents = new Set<number>();
    for (const term of terms) {
      if (seen.has(term.stem)) continue;
      seen.add(term.stem);
      const weight = idf.get(term.stem);
      messageWeight += weight ?? unknownWeight;
      for (const i of excluded.get(term.stem) ?? []) excludedIntents.add(i);
      if (weight === undefined) continue;
      for (const p of phrasePostings.get(term.stem) ?? []) phraseHits.set(p, (phraseHits.get(p) ?? 0) + weight);
      for (const i of intentPostings.get(term.stem) ?? []) {
        const hit = intentHits.get(i);
        if (hit) {
          hit.weight += weight;
          hit.words.push(term.word);
        } else intentHits.set(i, { weight, words: [term.word] });
      }
    }

    const bestPhrases = new Map<number, [number, number]>();
    for (const [p, hit] of phraseHits) {
      const phrase = phrases[p];
      const coverage = (hit / phrase.total) * phrase.weight * phrase.strength;
      const best = bestPhrases.get(phrase.intent);
      if (!best) bestPhrases.set(phrase.intent, [coverage, 0]);
      else if (coverage > best[0]) bestPhrases.set(phrase.intent, [coverage, best[0]]);
      else if (coverage > best[1]) best[1] = coverage;
    }

    const namedOffices = findOffices(analysis.normalized.split(' '));
    const candidates: Candidate[] = [];
    for (const [i, [best, second]] of bestPhrases) {
      const intent = intents[i];
      const hit = intentHits.get(i)!;
      let score =
        BEST_PHRASE_WEIGHT * best + MESSAGE_COVERAGE_WEIGHT * (hit.weight / Math.max(messageWeight, minMessageWeight)) + SECOND_PHRASE_WEIGHT * second;
      if (excludedIntents.has(i)) score *= EXCLUDED_FACTOR;
      if (seen.size === 1 && best < 0.99) score *= PARTIAL_WORD_FACTOR;
      if (intent.generated) score *= GENERATED_FACTOR;
      if (namedOffices.size > 0 && [...intentServices[i]].some((id) => namedOffices.has(id))) score += NAMED_OFFICE_BONUS;
      candidates.push({ intent, score: Math.round(score * 1000) / 1000, matched: hit.words });
    }
    candidates.sort((a, b) => b.score - a.score);
    return { normalized: analysis.normalized, words: terms.map((t) => t.word), candidates: candidates.slice(0, limit) };
  }

  return { match };
}

const ELIDED = /^(qu|[cdjlmnst])([aeiouyh][a-z]{3,})$/;

/** No slip in a 4-letter word (« aime » is not « aide »), one up to 8 letters, two beyond. */
/**
 * Finds the known word a misspelled one stands for ("passport" -> "passeport").
 * Candidates share the first letter, which keeps each search small at 10,000 intents.
 */
function buildTypoCorrector(vocabulary: string[]): (word: string) => string | undefined {
  const byInitial = new Map<string, string[]>();
  for (const word of vocabulary) {
    if (word.length < FUZZY_MIN_LENGTH - 1) continue;
    const list = byInitial.get(word[0]) ?? [];
    list.push(word);
    byInitial.set(word[0], list);
  }
  // Built here rather than on the first misspelled message, so that no message pays for it.
  const indexes = new Map<string, Fuse<string>>();
  for (const [initial, words] of byInitial) {
    indexes.set(initial, new Fuse(words, { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true }));
  }
  const cache = new Map<string, string | undefined>();
  const known = new Set(vocabulary);
  const closest = (word: string): string | undefined =>
    indexes
      .get(word[0])
      ?.search(word, { limit: 3 })
      .find((hit) => editDistance(hit.item, word) <= typosInWord(word))?.item;
  return (word) => {
    if (word.length < FUZZY_MIN_LENGTH || word.length > MAX_TYPO_WORD_LENGTH || /\d/.test(word)) return undefined;
    if (cache.has(word)) return cache.get(word);
    // An elided article glued to its word, as typed without apostrophe: "didentite", "lecole".
    const unglued = word.match(ELIDED)?.[2];
    const corrected = unglued && known.has(unglued) ? unglued : (closest(word) ?? (unglued && closest(unglued)));
    if (cache.size < 10_000) cache.set(word, corrected || undefined);
    return corrected || undefined;
  };
}
