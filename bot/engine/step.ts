import type { Reply } from '../types';
import type { ConversationState } from '../state/types';
import { initialState } from '../state/types';
import { foldText } from '../../knowledge/text';
import { commandOf } from './commands';
import { newNeed, startIntent } from './flow';
import { goBack, themeMenu } from './menus';
import { continuePending } from './pending';
import { hasInsult, smallTalkOf, talkReply } from './small-talk';
import { type EngineContext, resetPosition, type Turn, type TurnContext, type TurnTrace } from './turn';
import { understand } from './understand';
import { detectEmergency } from '../safety/detector';
import { dangerQuestion } from '../safety/ask';
import { turnLanguage } from './language';

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
export function step(previous: ConversationState, input: { text: string }, base: EngineContext): StepResult {
  const state: ConversationState = structuredClone(previous);
  const trace: TurnTrace = { normalized: '', candidates: [], urgent: false };
  const text = input.text ?? '';
  const language = turnLanguage(state, text, base);
  const { ctx } = language;
  const say = ctx.say;
  const turn: Turn = { state, ctx, trace };
  const done = (replies: Reply[], extra: Partial<StepResult> = {}): StepResult => ({ state, replies: inItsLanguage(replies, ctx), trace, ...extra });

  // Danger first, even in a message too long or a command-like one: before anything was asked.
  // The one detector reads every language's signals (the French trees carry them all).
  const emergency = detectEmergency(base.trees, text, language.written);
  const urgentIntent = emergency && (ctx.trees.byId.get(emergency.intent.id) ?? emergency.intent);
  if (emergency?.sure) return done(startIntent(turn, urgentIntent!, ''));
  if (emergency) {
    trace.urgent = true;
    trace.intent = emergency.intent.id;
    resetPosition(state);
    return done([dangerQuestion(state, urgentIntent!, understand(text, ctx.matcher).best?.intent, ctx)]);
  }
  if (language.unsupported) {
    trace.fallback = 1;
    const { lang, text: sentence, dir } = language.unsupported;
    return { state, replies: [{ text: sentence, lang, ...(dir === 'rtl' ? { dir } : {}) }], trace };
  }
  const maxChars = ctx.maxMessageChars ?? MAX_MESSAGE_LENGTH;
  if (text.length > maxChars) return done([{ text: say.tooLong(maxChars) }]);
  const folded = foldText(text) || text.trim();
  if (!folded) return done([{ text: say.empty }]);

  const command = commandOf(folded, ctx.pack);
  trace.command = command;
  switch (command) {
    case 'stop':
      return { state: initialState(), replies: inItsLanguage([{ text: say.forgotten }], ctx), trace, forget: true };
    case 'help':
      return done([{ text: say.help }]);
    case 'restart':
      return { state: { ...initialState(), ...(state.lang ? { lang: state.lang } : {}) }, replies: inItsLanguage([{ text: say.restarted }], ctx), trace };
    case 'menu':
      return done([themeMenu(state, ctx)]);
    case 'back':
      return done([goBack(state, ctx)]);
    case 'notThat':
      trace.disagreed = true;
      resetPosition(state);
      return done([{ text: say.notThat }]);
  }

  const understanding = understand(text, ctx.matcher);
  trace.normalized = understanding.normalized;
  trace.candidates = understanding.candidates.map((c) => ({ id: c.intent.id, score: c.score, matched: c.matched, ...(c.parts ? { parts: c.parts } : {}) }));

  const talk = smallTalkOf(folded, ctx.pack);
  const pendingReply = continuePending(turn, text, command, talk, understanding);
  if (pendingReply) return done(pendingReply);
  if (talk) {
    resetPosition(state);
    return done([{ text: talkReply(say, talk) }]);
  }

  return done(newNeed(turn, text, hasInsult(folded), understanding));
}

/** Replies in another language than French say so, for channels to set `lang` and `dir`. */
function inItsLanguage(replies: Reply[], ctx: TurnContext): Reply[] {
  const pack = ctx.pack;
  return pack ? replies.map((reply) => ({ ...reply, lang: pack.code, ...(pack.dir === 'rtl' ? { dir: 'rtl' as const } : {}) })) : replies;
}
