import { GENERATED_FACTOR, type Candidate, type Matcher } from '../nlu/matcher';
import type { Intent } from '../trees/types';
import { foldText } from '../../knowledge/text';
import { asks, clausesOf } from '../nlu/clauses';
import { SPACELESS_CHAR } from '../lang/spaceless';

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
  /** two needs closer than this, leading to different services, are offered as choices */
  ambiguityGap: 0.05,
  /** while a question waits for an answer, a message must be this clear to switch topic */
  switchTopic: 0.62,
  /** needs listed by `orient` even when not understood, for hit@3 and agents' review */
  listed: 0.3,
  /**
   * A second need is read only in a short message (a story names many things in passing),
   * each need plain in its own clause: measured on the tuning parts, where looser settings
   * found « second needs » in a third of the stories.
   */
  twoNeedsMaxWords: 25,
  clearClause: 0.75,
  /** a clause about the other need at least this much is its background */
  backgroundClause: 0.55,
  /** not understood, but these needs are offered as "Voulez-vous parler de…" */
  suggested: 0.45,
} as const;

export interface Understanding {
  normalized: string;
  candidates: Candidate[];
  /** the need, when clear enough */
  best?: Candidate;
  /** two or three needs too close to choose between */
  ambiguous?: Candidate[];
  /** a second need the message tells in a clause of its own (« … et aussi ma carte vitale »): offered after the first */
  also?: Candidate;
}

/**
 * The ordinary need a message describes. Emergencies are not needs among others: the
 * detector of bot/safety finds them first, and urgent needs have no phrases to match here.
 */
export function understand(text: string, matcher: Matcher): Understanding {
  const { normalized, candidates } = matcher.match(text, 5);
  const top = candidates[0];
  if (!top || !clearEnough(top, normalized, matcher)) return { normalized, candidates };
  const told = needsByClause(text, matcher);
  // Two needs, each plain in its own clause, one of them what the whole message is about:
  // the first told is answered first, the other offered after it.
  // Both must also be among the whole message's first candidates: a clause's need that the
  // message as a whole does not rank is a detail of the story (« je suis en contrat de
  // professionnalisation » in a story of unpaid wages), not a second need.
  const both = told.slice(0, 2).map((c) => candidates.find((w) => w.intent === c.intent));
  if (told.length > 1 && told.some((c) => c.intent === top.intent) && both.every((c) => c !== undefined)) {
    // A question goes first (« … je voudrais sa réversion »), unless it asks about the story the
    // whole message tells (« mon propriétaire ne fait pas les travaux, dois-je arrêter de payer
    // mon loyer ? »): then the need the whole message ranks higher is answered first.
    const [first, second] = clausesOf(text).some(asks) && both[1].score > both[0].score ? [both[1], both[0]] : both;
    return { normalized, candidates, best: first, also: second };
  }
  const close = distinctNeeds(candidates.filter((c) => c === top || (c.score >= THRESHOLDS.understood && top.score - c.score < THRESHOLDS.ambiguityGap)));
  if (close.length > 1) return { normalized, candidates, ambiguous: close.slice(0, 3) };
  return { normalized, candidates, best: close[0] };
}

/**
 * The distinct needs that clauses of the message are each plainly about, in the order told.
 * A clause the other need also explains is its background (« je touche le rsa et la caf me
 * demande de rembourser », « mon époux est mort, je voudrais sa réversion »), not a need.
 */
function needsByClause(text: string, matcher: Matcher): Candidate[] {
  const clauses = clausesOf(text);
  if (clauses.length < 2 || wordCount(text) > THRESHOLDS.twoNeedsMaxWords) return [];
  // A clause that asks (« je voudrais », « comment ») is what the person came for: it goes first.
  const ordered = [...clauses.filter(asks), ...clauses.filter((c) => !asks(c))];
  const read = ordered.map((clause) => matcher.match(clause, 10).candidates);
  // Curated needs only: a generated one matches a single word of background (« je suis fonctionnaire »).
  const plain = (c: Candidate | undefined): c is Candidate => c !== undefined && !c.intent.generated && c.score >= THRESHOLDS.clearClause;
  const told = distinctNeeds(read.flatMap((candidates) => (plain(candidates[0]) ? [candidates[0]] : [])));
  const explains = (need: Candidate, clause: Candidate[]) => clause.some((c) => c.intent === need.intent && c.score >= THRESHOLDS.backgroundClause);
  return told.filter((need) => read.every((clause) => clause[0]?.intent === need.intent || !explains(need, clause)));
}

/**
 * The matcher lowers a generated need's score so that a curated need matching as well wins
 * (GENERATED_FACTOR): that ranks the two, it does not make the message less understood. A
 * generated need first is held to the threshold lowered alike (« comment sont payés les
 * dimanches ? », the ministry's fiche on Sunday work at 0.61 for 0.62, was not understood).
 */
function clearEnough(top: Candidate, normalized: string, matcher: Matcher): boolean {
  return top.score >= understoodThreshold(normalized, matcher) * (top.intent.generated ? GENERATED_FACTOR : 1);
}

/** The score the first need must reach for the message to be understood. */
export function understoodThreshold(normalized: string, matcher: Matcher): number {
  return wordCount(normalized) >= THRESHOLDS.longMessageWords ? (matcher.longMessageThreshold ?? THRESHOLDS.understoodLong) : THRESHOLDS.understood;
}

const HAN_CHAR = new RegExp(SPACELESS_CHAR, 'gu');
/** Chinese or Japanese words are about two characters long and written without spaces. */
const HAN_CHARS_PER_WORD = 2;

/** Words of a message, Chinese text counted by its characters: a long Chinese story is long too. */
export function wordCount(text: string): number {
  const han = text.match(HAN_CHAR)?.length ?? 0;
  if (han === 0) return text.split(/\s+/).length;
  return text.replace(HAN_CHAR, ' ').split(/\s+/).filter(Boolean).length + Math.ceil(han / HAN_CHARS_PER_WORD);
}

/** Needs close to the message but not understood for sure: what "Voulez-vous parler de…" offers. */
export function suggestedNeeds(understanding: Understanding): Intent[] {
  return distinctNeeds(understanding.candidates.filter((c) => c.score >= THRESHOLDS.suggested))
    .slice(0, 3)
    .map((c) => c.intent);
}

/**
 * One candidate per need a person would tell apart, best first: a need generated from
 * Service-Public.fr gives way to a curated one with the same services or the same title
 * head ("Passeport" next to "Passeport (demande, perte…)", "**Carte d'identité"), and two
 * needs leading to the same services are one choice.
 */
export function distinctNeeds<T extends { intent: Intent }>(candidates: T[]): T[] {
  const lookAlike = (a: Intent, b: Intent) => sameServices(a, b) || titleHead(a) === titleHead(b);
  const kept = candidates.filter((c) => !c.intent.generated || !candidates.some((o) => !o.intent.generated && lookAlike(o.intent, c.intent)));
  return kept.filter((c, i) => !kept.slice(0, i).some((o) => sameServices(o.intent, c.intent)));
}

/** A need's title without its details: « Carte Vitale » for « Carte Vitale (perte, vol, mise à jour) ». */
export const shortTitle = (intent: Intent) => intent.title.split(/ ?[(:,]| - /)[0];

const titleHead = (intent: Intent) => foldText(shortTitle(intent));

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
function sameServices(a: Intent, b: Intent): boolean {
  const sa = servicesOf(a);
  const sb = servicesOf(b);
  return sa.size === sb.size && [...sa].every((s) => sb.has(s));
}
