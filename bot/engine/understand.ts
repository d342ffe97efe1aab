import type { Candidate, Matcher } from '../nlu/matcher';
import type { Intent } from '../trees/types';

export const THRESHOLDS = {
  /** below this, the bot says it did not understand: half of one phrase next to unknown words ("commander une pizza") stays below */
  understood: 0.62,
  /**
   * A long message (a story, a letter) is understood at a lower score: the share of it that one
   * need explains is small by nature, even when the need is plain (measured on the tuning parts
   * of test/eval/real and test/eval/labour).
   */
  understoodLong: 0.47,
  /** words (stop words included) from which a message counts as long */
  longMessageWords: 15,
  /** an emergency is taken at a slightly lower confidence: missing one costs more */
  urgent: 0.45,
  /** two needs closer than this, leading to different services, are offered as choices */
  ambiguityGap: 0.05,
  /** while a question waits for an answer, a message must be this clear to switch topic */
  switchTopic: 0.62,
  /** needs listed by `orient` even when not understood, for hit@3 and agents' review */
  listed: 0.3,
} as const;

export interface Understanding {
  normalized: string;
  candidates: Candidate[];
  /** the emergency the message describes, if any */
  urgent?: Candidate;
  /** the need, when clear enough */
  best?: Candidate;
  /** two or three needs too close to choose between */
  ambiguous?: Candidate[];
}

export function understand(text: string, matcher: Matcher): Understanding {
  const { normalized, candidates } = matcher.match(text, 5);
  const urgent = candidates.find((c) => c.intent.urgent && isLikelyEmergency(c) && c.score >= candidates[0].score - THRESHOLDS.ambiguityGap);
  const top = candidates[0];
  if (!top || top.score < understoodThreshold(normalized)) return { normalized, candidates, urgent };
  const close = candidates.filter((c) => c.score >= THRESHOLDS.understood && top.score - c.score < THRESHOLDS.ambiguityGap && !sameServices(c, top));
  if (close.length > 0) return { normalized, candidates, urgent, ambiguous: [top, ...close].slice(0, 3) };
  return { normalized, candidates, urgent, best: top };
}

function understoodThreshold(normalized: string): number {
  const words = normalized.split(' ').length;
  return words >= THRESHOLDS.longMessageWords ? THRESHOLDS.understoodLong : THRESHOLDS.understood;
}

const servicesByIntent = new WeakMap<Intent, Set<string>>();

function servicesOf(intent: Intent): Set<string> {
  let services = servicesByIntent.get(intent);
  if (!services) {
    services = new Set(Object.values(intent.outcomes).flatMap((o) => o.services));
    servicesByIntent.set(intent, services);
  }
  return services;
}

/** Two needs that lead to the same services need no choice between them. */
/**
 * Below the usual confidence, an emergency still counts when two of its words are there
 * (« pas de toit ... nuit »), never on one ordinary word (« ce soir »).
 */
function isLikelyEmergency(c: Candidate): boolean {
  return c.score >= THRESHOLDS.understood || (c.score >= THRESHOLDS.urgent && c.matched.length >= 2);
}

function sameServices(a: Candidate, b: Candidate): boolean {
  const sa = servicesOf(a.intent);
  const sb = servicesOf(b.intent);
  return sa.size === sb.size && [...sa].every((s) => sb.has(s));
}
