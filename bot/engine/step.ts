import type { Reply } from '../types';
import type { ConversationState } from '../state/types';
import { initialState } from '../state/types';
import { foldText } from '../../knowledge/text';
import { commandOf } from './commands';
import { newNeed, startIntent } from './flow';
import { goBack, themeMenu } from './menus';
import { MESSAGES } from '../messages';
import { continuePending } from './pending';
import { hasInsult, smallTalkOf, TALK_REPLIES } from './small-talk';
import { type EngineContext, resetPosition, type Turn, type TurnTrace } from './turn';
import { understand } from './understand';
import { detectEmergency } from '../safety/detector';
import { dangerQuestion } from '../safety/ask';

// The engine's door: one turn, from the person's text to the replies. Emergencies first
// (bot/safety, on every message of any kind), then commands (commands.ts), the answer to
// what was asked (pending.ts), else a new need (flow.ts); the lists it offers are in
// menus.ts, the commune question in commune.ts.

export type { EngineContext, TurnTrace } from './turn';

export interface StepResult {
  state: ConversationState;
  replies: Reply[];
  trace: TurnTrace;
  /** the person said STOP: the caller deletes everything it keeps about them */
  forget?: boolean;
}

export const MAX_MESSAGE_LENGTH = 1000;

/**
 * One turn of a conversation. Pure: the same state, text and context give the same
 * result, so any process can run any turn and tests need no server.
 */
export function step(previous: ConversationState, input: { text: string }, ctx: EngineContext): StepResult {
  const state: ConversationState = structuredClone(previous);
  const trace: TurnTrace = { normalized: '', candidates: [], urgent: false };
  const turn: Turn = { state, ctx, trace };
  const done = (replies: Reply[], extra: Partial<StepResult> = {}): StepResult => ({ state, replies, trace, ...extra });

  const text = input.text ?? '';
  // Danger first, even in a message too long or a command-like one: before anything was asked.
  const emergency = detectEmergency(ctx.trees, text);
  if (emergency?.sure) return done(startIntent(turn, emergency.intent, ''));
  if (emergency) {
    trace.urgent = true;
    trace.intent = emergency.intent.id;
    resetPosition(state);
    return done([dangerQuestion(state, emergency.intent, understand(text, ctx.matcher).best?.intent, ctx.knowledge)]);
  }
  const maxChars = ctx.maxMessageChars ?? MAX_MESSAGE_LENGTH;
  if (text.length > maxChars) return done([{ text: MESSAGES.tooLong(maxChars) }]);
  const folded = foldText(text) || text.trim();
  if (!folded) return done([{ text: MESSAGES.empty }]);

  const command = commandOf(folded);
  trace.command = command;
  switch (command) {
    case 'stop':
      return { state: initialState(), replies: [{ text: MESSAGES.forgotten }], trace, forget: true };
    case 'help':
      return done([{ text: MESSAGES.help }]);
    case 'restart':
      return { state: initialState(), replies: [{ text: MESSAGES.restarted }], trace };
    case 'menu':
      return done([themeMenu(state, ctx)]);
    case 'back':
      return done([goBack(state, ctx)]);
    case 'notThat':
      trace.disagreed = true;
      resetPosition(state);
      return done([{ text: MESSAGES.notThat }]);
  }

  const understanding = understand(text, ctx.matcher);
  trace.normalized = understanding.normalized;
  trace.candidates = understanding.candidates.map((c) => ({ id: c.intent.id, score: c.score, matched: c.matched }));

  const talk = smallTalkOf(folded);
  const pendingReply = continuePending(turn, text, command, talk, understanding);
  if (pendingReply) return done(pendingReply);
  if (talk) {
    resetPosition(state);
    return done([{ text: TALK_REPLIES[talk] }]);
  }

  return done(newNeed(turn, text, hasInsult(folded), understanding));
}
