import type { Commune } from '../../knowledge/types';
import type { ConversationState } from '../state/types';
import type { Intent, TreeOutcome, TreeQuestion } from '../trees/types';
import type { Reply } from '../types';
import type { Messages } from '../messages';
import { choiceForAbroad, choiceForCommune, mentionedChoice } from './answer';
import { askArrondissement, communeByCode } from './commune';
import { askQuestion, disambiguation, themeMenu } from './menus';
import { glossed, orientationText } from './render';
import { option, resetPosition, type EngineContext, type Turn, type TurnContext } from './turn';
import { shortTitle, suggestedNeeds, type Understanding } from './understand';
import { foldText } from '../../knowledge/text';

// Walking a need's tree: from its start, past the questions already answered, to an
// outcome (asking the commune first when the office depends on it), and the fallback
// ladder when nothing was understood.

/** Every "not understood" reply ends with the emergency numbers. */
export const notUnderstood = (say: Messages, replies: Reply[]): Reply[] => [...replies, { text: say.emergencyLine }];

export function newNeed(turn: Turn, text: string, insult: boolean, understanding: Understanding): Reply[] {
  const { state, trace } = turn;
  resetPosition(state);
  state.also = understanding.best && understanding.also?.intent.id;
  if (state.also) trace.also = state.also;
  if (understanding.ambiguous) {
    trace.ambiguous = true;
    state.misses = 0;
    return [
      disambiguation(
        turn.ctx.say,
        state,
        understanding.ambiguous.map((c) => c.intent),
      ),
    ];
  }
  if (understanding.best) return withSecondNeedNoted(turn, understanding.best.intent, startIntent(turn, understanding.best.intent, text));
  const say = turn.ctx.say;
  if (insult) return [{ text: say.insult }];

  // The ladder: the needs it might be, or else asking to rephrase; then the themes; then a person.
  state.misses += 1;
  if (state.misses === 1) {
    trace.fallback = 1;
    const suggested = suggestedNeeds(understanding);
    return notUnderstood(say, [suggested.length > 0 ? disambiguation(say, state, suggested, true) : { text: say.rephrase }]);
  }
  if (state.misses === 2) {
    trace.fallback = 2;
    return notUnderstood(say, [themeMenu(state, turn.ctx)]);
  }
  trace.fallback = 3;
  state.misses = 0;
  return notUnderstood(say, [{ text: say.humanHelp }]);
}

/** When the first of two needs asks a question first, the person hears that the second is not forgotten. */
function withSecondNeedNoted(turn: Turn, first: Intent, replies: Reply[]): Reply[] {
  const second = turn.state.also ? turn.ctx.trees.byId.get(turn.state.also) : undefined;
  if (!second || !turn.state.at) return replies;
  return [{ text: turn.ctx.say.alsoLater(shortTitle(first), shortTitle(second)) }, ...replies];
}

export function startIntent(turn: Turn, intent: Intent, text: string): Reply[] {
  const { state, ctx, trace } = turn;
  resetPosition(state);
  state.misses = 0;
  state.trail = [];
  // "j'habite à Roubaix" in the first message answers the commune question before it is asked.
  const mentioned = text ? ctx.knowledge.findCommuneInText(text) : undefined;
  if (mentioned) state.commune = mentioned.code;
  trace.intent = intent.id;
  trace.urgent = intent.urgent;
  return advance(turn, intent, intent.start, text);
}

/**
 * Moves to a node, skipping every question already answered: earlier in the conversation
 * (same question id) or in the message that started it ("je vis au Canada").
 */
export function advance(turn: Turn, intent: Intent, nodeId: string, text: string): Reply[] {
  const { state, ctx } = turn;
  let current = nodeId;
  for (let guard = 0; guard < 50; guard++) {
    const outcome = intent.outcomes[current];
    if (outcome) return reachOutcome(turn, intent, outcome);
    const question = intent.questions[current];
    if (!question) break;
    const known = knownAnswer(state, question, text, ctx);
    if (known === undefined) {
      state.at = { intent: intent.id, node: question.id };
      turn.trace.node = question.id;
      return [askQuestion(question)];
    }
    state.answers[question.id] = question.choices[known].label;
    current = question.choices[known].next;
  }
  resetPosition(state);
  return [{ text: ctx.say.rephrase }];
}

// Questions about where the person lives, which the commune or country they gave answers.
const ASKS_WHERE_ONE_LIVES = /\b(habitez|vivez|residez)\b/;

function knownAnswer(state: ConversationState, question: TreeQuestion, text: string, ctx: EngineContext): number | undefined {
  const fromText = text && !visiting(text, question) ? (mentionedChoice(text, question.choices) ?? livesAbroad(ctx, text, question)) : undefined;
  if (fromText !== undefined) return fromText;
  const previous = question.choices.findIndex((c) => c.label === state.answers[question.id]);
  if (previous >= 0) return previous;
  const commune = state.commune && ASKS_WHERE_ONE_LIVES.test(foldText(question.text)) ? communeByCode(ctx, state.commune) : undefined;
  return commune ? choiceForCommune(commune.name, question.choices) : undefined;
}

// Being in a country for a while is not living there: « je suis en vacances en Espagne ».
const VISITING = /\b(vacances|voyage|sejour touristique|touriste|en deplacement|de passage|en visite)\b/;

/** « je suis en vacances en Espagne » says where one is, not where one lives: the question is asked. */
export const visiting = (text: string, question: TreeQuestion) => ASKS_WHERE_ONE_LIVES.test(foldText(question.text)) && VISITING.test(foldText(text));

/** "je vis au Canada", "j'habite en Allemagne": the abroad choice of a where-do-you-live question. */
export function livesAbroad(ctx: EngineContext, text: string, question: TreeQuestion): number | undefined {
  return ASKS_WHERE_ONE_LIVES.test(foldText(question.text)) && ctx.knowledge.findCountryInText(text) ? choiceForAbroad(question.choices) : undefined;
}

function reachOutcome(turn: Turn, intent: Intent, outcome: TreeOutcome): Reply[] {
  const { state, ctx } = turn;
  const needsCommune = !outcome.urgent && (outcome.askCommune || ctx.knowledge.dependsOnCommune(outcome));
  if (!needsCommune) return finish(turn, intent, outcome, undefined);
  const known = state.commune ? communeByCode(ctx, state.commune) : undefined;
  if (known) return finish(turn, intent, outcome, known);
  state.at = undefined;
  state.pending = { kind: 'commune', intent: intent.id, outcome: outcome.id };
  turn.trace.node = 'commune';
  return [{ text: ctx.say.askCommune }];
}

export function finish(turn: Turn, intent: Intent, outcome: TreeOutcome, commune: Commune | undefined, { arrondissementAsked = false } = {}): Reply[] {
  const { state, ctx, trace } = turn;
  if (commune && !arrondissementAsked && ctx.knowledge.arrondissementNeeded(outcome, commune)) return askArrondissement(turn, intent, outcome, commune);
  // The trail stays: RETOUR after an orientation lets the person change their last answer.
  resetPosition(state);
  if (commune) state.commune = commune.code;
  trace.intent = intent.id;
  trace.outcome = outcome.id;
  trace.urgent = outcome.urgent;
  const orientation = glossed(ctx.knowledge.orientation(intent, outcome, { commune, now: ctx.now, words: ctx.pack?.dates }), ctx.pack);
  const replies: Reply[] = [{ text: orientationText(orientation, ctx.say, ctx.lang), orientation, urgent: outcome.urgent || undefined }];
  if (!outcome.urgent) replies.push(offerSecondNeed(state, intent, ctx) ?? { text: ctx.say.anythingElse });
  return replies;
}

/** « Vous avez aussi parlé de… »: the second need the first message told, once, after the first need's answer. */
function offerSecondNeed(state: ConversationState, answered: Intent, ctx: TurnContext): Reply | undefined {
  const second = state.also && state.also !== answered.id ? ctx.trees.byId.get(state.also) : undefined;
  state.also = undefined;
  if (!second) return undefined;
  state.pending = { kind: 'also', intent: second.id };
  return { text: ctx.say.alsoTold(shortTitle(second)), choices: [option(ctx.say.alsoYes), option(ctx.say.alsoNo)] };
}
