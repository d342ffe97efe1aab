import type { Intent } from '../trees/types';
import { analyze, type Term } from './analyze';
import type { OfficeName } from '../../knowledge/types';
import { buildOfficeNameFinder } from './office-names';
import { indexIntents, type MatcherIndex } from './matcher-index';
import { buildTypoCorrector } from './typos';

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

export interface MatcherOptions {
  /** what people call offices, from the service catalog: a need leading to a named office ranks higher */
  officeNames?: OfficeName[];
}

/** Analyses the intents' phrases and builds their matcher (see matcherFrom to skip the analysis). */
export function buildMatcher(intents: Intent[], options: MatcherOptions = {}): Matcher {
  return matcherFrom(intents, indexIntents(intents), options);
}

/** The matcher of intents already indexed (indexIntents), in a few milliseconds. */
export function matcherFrom(intents: Intent[], index: MatcherIndex, options: MatcherOptions = {}): Matcher {
  const findOffices = buildOfficeNameFinder(options.officeNames ?? []);
  const intentServices = intents.map((intent) => new Set(Object.values(intent.outcomes).flatMap((o) => o.services)));
  const stemIds = new Map(index.stems.map((stem, id) => [stem, id]));
  const { idf, phrasePostings, intentPostings, phraseIntent, phraseTotal, phraseWeight, phraseStrength } = index;
  const excluded = new Map(index.excluded);
  const vocabulary = new Map(index.vocabulary);
  const intentCount = Math.max(index.intentCount, 1);
  const unknownWeight = Math.log(1 + intentCount) * UNKNOWN_WORD_WEIGHT;
  const minMessageWeight = Math.log(1 + intentCount) * MIN_MESSAGE_WEIGHT;
  const fuzzy = buildTypoCorrector([...vocabulary.keys()]);

  function match(text: string, limit = 5): MatchResult {
    const analysis = analyze(text);
    const terms: Term[] = analysis.terms.map((term) => {
      if (stemIds.has(term.stem)) return term;
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
      const id = stemIds.get(term.stem);
      const weight = id === undefined ? undefined : idf[id];
      messageWeight += weight ?? unknownWeight;
      for (const i of excluded.get(term.stem) ?? []) excludedIntents.add(i);
      if (id === undefined || weight === undefined) continue;
      for (const p of phrasePostings[id]) phraseHits.set(p, (phraseHits.get(p) ?? 0) + weight);
      for (const i of intentPostings[id]) {
        const hit = intentHits.get(i);
        if (hit) {
          hit.weight += weight;
          hit.words.push(term.word);
        } else intentHits.set(i, { weight, words: [term.word] });
      }
    }

    const bestPhrases = new Map<number, [number, number]>();
    for (const [p, hit] of phraseHits) {
      const coverage = (hit / phraseTotal[p]) * phraseWeight[p] * phraseStrength[p];
      const intent = phraseIntent[p];
      const best = bestPhrases.get(intent);
      if (!best) bestPhrases.set(intent, [coverage, 0]);
      else if (coverage > best[0]) bestPhrases.set(intent, [coverage, best[0]]);
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
