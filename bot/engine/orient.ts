import type { ServiceOrientation } from '../../knowledge/types';
import type { Intent, TreeOutcome } from '../trees/types';
import type { EngineContext } from './step';
import { mentionedChoice } from './answer';
import { THRESHOLDS, understand } from './understand';
import { detectEmergency } from '../safety/detector';
import { glossed } from './render';
import { inLanguage, turnLanguage } from './language';
import { initialState } from '../state/types';

export interface OrientedNeed {
  id: string;
  title: string;
  score: number;
  /** every service this need can lead to, most likely first */
  services: ServiceOrientation[];
}

export interface OrientResult {
  text: string;
  /** the language the message was read in (ISO 639-1): 'fr', or another the bot reads */
  lang: string;
  understood: boolean;
  urgent: boolean;
  /**
   * The emergency is not certain: a conversation first asks « Êtes-vous en danger
   * maintenant ? », naming this line. The ordinary need, if any, then comes first in `needs`.
   */
  unsure?: { need: string; line: string };
  needs: OrientedNeed[];
}

/** One message, no conversation: what the CLI, the REST API and the benchmarks use. */
export function orient(text: string, base: Omit<EngineContext, 'now'> & { now?: Date }, communeText?: string): OrientResult {
  // read in its own language when the bot reads it (titles, why: in that language too)
  const state = initialState();
  const { written } = turnLanguage(state, text, { ...base, now: base.now ?? new Date() });
  const ctx = inLanguage({ ...base, now: base.now ?? new Date() }, state.lang);
  const understanding = understand(text, ctx.matcher);
  const emergency = detectEmergency(base.trees, text, written);
  const urgentIntent = emergency && (ctx.trees.byId.get(emergency.intent.id) ?? emergency.intent);
  const urgent = emergency && urgentIntent && { intent: urgentIntent, score: 1, matched: [emergency.signal] };
  const resolved = communeText ? ctx.knowledge.resolveCommune(communeText) : undefined;
  const commune = resolved?.status === 'found' ? resolved.commune : ctx.knowledge.findCommuneInText(text);
  const listed = understanding.candidates.filter((c) => c.score >= THRESHOLDS.listed);
  const need = understanding.best ?? understanding.ambiguous?.[0];
  const leading = emergency?.sure ? [urgent, need] : [need, urgent];
  const firsts = leading.filter((c): c is NonNullable<typeof c> => c !== undefined);
  const ordered = [...firsts, ...listed.filter((c) => !firsts.includes(c))];
  const needs = ordered.map((c) => {
    const outcomes = likelyOutcomes(c.intent, text);
    const orientation = glossed(ctx.knowledge.orientation(c.intent, mergedOutcome(outcomes), { commune, now: ctx.now, words: ctx.pack?.dates }), ctx.pack);
    return { id: c.intent.id, title: c.intent.title, score: c.score, services: orientation.services };
  });
  const emergencyNeed = emergency && needs.find((n) => n.id === emergency.intent.id);
  return {
    text,
    lang: ctx.lang,
    understood: firsts.length > 0,
    urgent: emergency !== undefined,
    ...(emergency && !emergency.sure && emergencyNeed ? { unsure: { need: emergencyNeed.id, line: emergencyNeed.services[0]?.id ?? '' } } : {}),
    needs,
  };
}

/**
 * The outcomes of a need, the one the message itself leads to first (its facts answer the
 * questions: "je vis au Canada"), then the others in the order the tree lists them.
 */
function likelyOutcomes(intent: Intent, text: string): TreeOutcome[] {
  const ordered: TreeOutcome[] = [];
  const visit = (nodeId: string, seen: Set<string>) => {
    if (seen.has(nodeId)) return;
    seen.add(nodeId);
    const outcome = intent.outcomes[nodeId];
    if (outcome) {
      if (!ordered.includes(outcome)) ordered.push(outcome);
      return;
    }
    const question = intent.questions[nodeId];
    if (!question) return;
    const known = mentionedChoice(text, question.choices);
    if (known !== undefined) visit(question.choices[known].next, seen);
    for (const choice of question.choices) visit(choice.next, seen);
  };
  visit(intent.start, new Set());
  return ordered;
}

function mergedOutcome(outcomes: TreeOutcome[]): TreeOutcome {
  const services = [...new Set(outcomes.flatMap((o) => o.services))];
  return { ...outcomes[0], services };
}
