import type { Commune } from '../../knowledge/types';
import type { ConversationState } from '../state/types';
import type { Reply } from '../types';
import { MESSAGES } from '../messages';
import { recognizeChoice } from './answer';
import type { Command } from './commands';
import { finish } from './flow';
import { choiceOf, type EngineContext, option, type Turn } from './turn';

// The commune question: asked only when the office depends on it; a name, a postal code,
// one of several homonyms, or PASSER.

type CommunePending = Extract<NonNullable<ConversationState['pending']>, { kind: 'commune' }>;

/** The answer to "Dans quelle commune ?", or undefined when the message is rather a new need. */
export function continueCommune(turn: Turn, pending: CommunePending, text: string, command: Command | undefined, isNewNeed: () => boolean): Reply[] | undefined {
  const { ctx } = turn;
  const intent = ctx.trees.byId.get(pending.intent);
  const outcome = intent?.outcomes[pending.outcome];
  if (!intent || !outcome) return undefined;
  if (command === 'skip') return finish(turn, intent, outcome, undefined);
  const options = pending.candidates;
  if (options) {
    const picked = recognizeChoice(text, options.map((code) => choiceOf(communeLabelFor(ctx, code))));
    if (picked !== undefined) return finish(turn, intent, outcome, communeByCode(ctx, options[picked]));
  }
  const resolved = ctx.knowledge.resolveCommune(text);
  if (resolved.status === 'found') return finish(turn, intent, outcome, resolved.commune);
  if (resolved.status === 'ambiguous') return askWhichCommune(turn.state, pending.intent, pending.outcome, resolved.candidates);
  if (isNewNeed()) return undefined;
  return [{ text: MESSAGES.communeUnknown }];
}

function askWhichCommune(state: ConversationState, intent: string, outcome: string, candidates: Commune[]): Reply[] {
  const shown = candidates.slice(0, 9);
  state.pending = { kind: 'commune', intent, outcome, candidates: shown.map((c) => c.code) };
  return [{ text: MESSAGES.communeWhich, choices: shown.map((c) => option(communeLabel(c))) }];
}

const communeLabel = (c: Commune) => `${c.name} (${c.departement})`;

export const communeByCode = (ctx: EngineContext, code: string) => {
  const found = ctx.knowledge.resolveCommune(code);
  return found.status === 'found' ? found.commune : undefined;
};

const communeLabelFor = (ctx: EngineContext, code: string) => {
  const commune = communeByCode(ctx, code);
  return commune ? communeLabel(commune) : code;
};
