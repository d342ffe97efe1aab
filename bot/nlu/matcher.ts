import type { Intent } from '../trees/types';
import { analyze as analyzeFrench, type Analysis, type Term } from './analyze';
import type { OfficeName } from '../../knowledge/types';
import { buildOfficeNameFinder } from './office-names';
import { indexIntents, type MatcherIndex } from './matcher-index';
import { buildTypoCorrector } from './typos';
import type { Lexicon } from './lexicon';

export interface Candidate {
  intent: Intent;
  /** 0..1: how well the message matches this intent */
  score: number;
  /** the words of the message that matched this intent */
  matched: string[];
  /** what the score is made of (before the factors below), for the agents' debug panel */
  parts?: ScoreParts;
}

/** 0..1 each: the coverage of the need's best phrase, the share of the message it explains, its second phrase. */
export interface ScoreParts {
  phrase: number;
  message: number;
  second: number;
}

export interface MatchResult {
  normalized: string;
  /** message words after typo correction, as the matcher saw them */
  words: string[];
  candidates: Candidate[];
}

export interface Matcher {
  match(text: string, limit?: number): MatchResult;
  /** the score a long message needs to be understood, where this language's stories call for another than French's */
  longMessageThreshold?: number;
}

// Score = how fully the message covers the intent's best phrase (a keyword, synonym, title
// or example), blended with how much of the message the intent explains. Words are weighted
// by rarity across intents (idf), so "carte" counts less than "vitale".
const BEST_PHRASE_WEIGHT = 0.55;
const MESSAGE_COVERAGE_WEIGHT = 0.35;
const SECOND_PHRASE_WEIGHT = 0.1;
const EXCLUDED_FACTOR = 0.4;
/** a one-word message that is only part of the need's phrases (« heure » of « heures sup ») */
const PARTIAL_WORD_FACTOR = 0.85;
/** curated trees win over generated ones when both match as well */
export const GENERATED_FACTOR = 0.92;
/** weight of a word no tree knows, relative to the rarest known word */
const UNKNOWN_WORD_WEIGHT = 0.6;
/**
 * A message counts as at least this heavy (relative to the rarest word), so that one common
 * word alone (« heure », « aide », « soir ») does not explain « the whole message ».
 */
const MIN_MESSAGE_WEIGHT = 0.8;
/** added to a need that leads to an office the message names (« la caf », « l'ANTS ») */
const NAMED_OFFICE_BONUS = 0.06;

export interface MatcherOptions {
  /** what people call offices, from the service catalog: a need leading to a named office ranks higher */
  officeNames?: OfficeName[];
  /** how a message and the phrases are read: French unless given (bot/lang/analyze.ts for other languages) */
  analyze?: (text: string) => Analysis;
  /** see Matcher.longMessageThreshold */
  longMessageThreshold?: number;
  /** the words of the language read, none taken for a typo of another: French unless given */
  lexicon?: () => Lexicon;
}

/** Analyses the intents' phrases and builds their matcher (see matcherFrom to skip the analysis). */
export function buildMatcher(intents: Intent[], options: MatcherOptions = {}): Matcher {
  return matcherFrom(intents, indexIntents(intents, options.analyze), options);
}

/** The matcher of intents already indexed (indexIntents), in a few milliseconds. */
export function matcherFrom(intents: Intent[], index: MatcherIndex, options: MatcherOptions = {}): Matcher {
  const findOffices = buildOfficeNameFinder(options.officeNames ?? []);
  const analyze = options.analyze ?? analyzeFrench;
  const intentServices = intents.map((intent) => new Set(Object.values(intent.outcomes).flatMap((o) => o.services)));
  const stemIds = new Map(index.stems.map((stem, id) => [stem, id]));
  const { idf, phrasePostings, intentPostings, phraseIntent, phraseTotal, phraseWeight, phraseStrength } = index;
  const excluded = new Map(index.excluded);
  const vocabulary = new Map(index.vocabulary);
  const intentCount = Math.max(index.intentCount, 1);
  const unknownWeight = Math.log(1 + intentCount) * UNKNOWN_WORD_WEIGHT;
  const minMessageWeight = Math.log(1 + intentCount) * MIN_MESSAGE_WEIGHT;
  const fuzzy = buildTypoCorrector([...vocabulary.keys()], options.lexicon);
  // stamps count messages: exact integers for far longer than any process lives
  let generation = 0;
  const phraseStamp = new Float64Array(phraseIntent.length);
  const phraseHit = new Float64Array(phraseIntent.length);
  const hitStamp = new Float64Array(intents.length);
  const hitWeight = new Float64Array(intents.length);
  const bestStamp = new Float64Array(intents.length);
  const best = new Float64Array(intents.length);
  const second = new Float64Array(intents.length);
  const messageShare = new Float64Array(intents.length);
  const scores = new Float64Array(intents.length);

  function match(text: string, limit = 5): MatchResult {
    const analysis = analyze(text);
    const terms: Term[] = analysis.terms.map((term) => {
      if (stemIds.has(term.stem) || term.negation) return term;
      const corrected = fuzzy(term.word);
      return corrected ? { word: corrected, stem: vocabulary.get(corrected)! } : term;
    });

    // Hits land in arrays kept from one message to the next, each slot stamped with the
    // message it belongs to: a message allocates nothing per phrase or intent it touches.
    const stamp = ++generation;
    const seen = new Set<string>();
    /** the message's known words, each stem once: which of them an intent holds is read again for the few returned */
    const hits: { word: string; id: number }[] = [];
    let messageWeight = 0;
    const touchedPhrases: number[] = [];
    const excludedIntents = new Set<number>();
    for (const term of terms) {
      if (seen.has(term.stem)) continue;
      seen.add(term.stem);
      const id = stemIds.get(term.stem);
      // A denied word tells the phrases that deny it from the others (« pas de diplôme » from
      // « mon diplôme »); it is not one more word of the message, whose share stays its words'.
      if (id === undefined && term.negation) continue;
      const weight = id === undefined ? undefined : idf[id];
      if (!term.negation) messageWeight += weight ?? unknownWeight;
      for (const i of excluded.get(term.stem) ?? []) excludedIntents.add(i);
      if (id === undefined || weight === undefined) continue;
      hits.push({ word: term.word, id });
      for (const p of phrasePostings[id]) {
        if (phraseStamp[p] === stamp) phraseHit[p] += weight;
        else {
          phraseStamp[p] = stamp;
          phraseHit[p] = weight;
          touchedPhrases.push(p);
        }
      }
      // a denied word is shown with the matched words in the agents' debug panel (it is in
      // `hits`), weighing nothing in the intent's share of the message
      if (term.negation) continue;
      for (const i of intentPostings[id]) {
        if (hitStamp[i] === stamp) hitWeight[i] += weight;
        else {
          hitStamp[i] = stamp;
          hitWeight[i] = weight;
        }
      }
    }

    // Each intent's best and second-best phrase coverage, intents in the order first reached.
    const reached: number[] = [];
    for (const p of touchedPhrases) {
      const coverage = (phraseHit[p] / phraseTotal[p]) * phraseWeight[p] * phraseStrength[p];
      const i = phraseIntent[p];
      if (bestStamp[i] !== stamp) {
        bestStamp[i] = stamp;
        best[i] = coverage;
        second[i] = 0;
        reached.push(i);
      } else if (coverage > best[i]) {
        second[i] = best[i];
        best[i] = coverage;
      } else if (coverage > second[i]) second[i] = coverage;
    }

    const namedOffices = findOffices(analysis.normalized.split(' '));
    for (const i of reached) {
      messageShare[i] = hitWeight[i] / Math.max(messageWeight, minMessageWeight);
      let score = BEST_PHRASE_WEIGHT * best[i] + MESSAGE_COVERAGE_WEIGHT * messageShare[i] + SECOND_PHRASE_WEIGHT * second[i];
      if (excludedIntents.has(i)) score *= EXCLUDED_FACTOR;
      if (seen.size === 1 && best[i] < 0.99) score *= PARTIAL_WORD_FACTOR;
      if (intents[i].generated) score *= GENERATED_FACTOR;
      if (namedOffices.size > 0 && [...intentServices[i]].some((id) => namedOffices.has(id))) score += NAMED_OFFICE_BONUS;
      scores[i] = Math.round(score * 1000) / 1000;
    }
    // A message reaches hundreds of needs: only the few returned become objects (fewer young
    // objects, fewer pauses of the garbage collector). The sort is stable: ties stay in the order first reached.
    reached.sort((a, b) => scores[b] - scores[a]);
    const kept = reached.slice(0, limit).map((i): Candidate => ({
      intent: intents[i],
      score: scores[i],
      matched: hits.filter(({ id }) => holds(intentPostings[id], i)).map(({ word }) => word),
      parts: { phrase: round(best[i]), message: round(messageShare[i]), second: round(second[i]) },
    }));
    return { normalized: analysis.normalized, words: terms.map((t) => t.word), candidates: kept };
  }

  return { match, longMessageThreshold: options.longMessageThreshold };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Whether an ascending list holds `value` (binary search). */
function holds(list: number[], value: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (list[middle] === value) return true;
    if (list[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
