import type { Knowledge } from '../../knowledge/types';
import type { Matcher, ScoreParts } from '../nlu/matcher';
import type { ConversationState } from '../state/types';
import type { Trees } from '../trees/types';
import type { ChoiceOption } from '../types';
import type { Choosable } from './answer';
import type { Messages } from '../messages';
import type { LanguagePack } from '../lang/pack';

export interface EngineContext {
  trees: Trees;
  matcher: Matcher;
  knowledge: Knowledge;
  now: Date;
  /** longer messages get a polite refusal (MAX_MESSAGE_CHARS); default MAX_MESSAGE_LENGTH */
  maxMessageChars?: number;
}

/** The context of one turn: in the language of the conversation (bot/engine/language.ts). */
export interface TurnContext extends EngineContext {
  lang: string;
  say: Messages;
  /** undefined in French */
  pack?: LanguagePack;
}

/** What happened in a turn, for metrics and for agents reviewing misunderstood messages. */
export interface TurnTrace {
  normalized: string;
  /** parts: what each score is made of, shown in the agents' debug panel */
  candidates: { id: string; score: number; matched: string[]; parts?: ScoreParts }[];
  intent?: string;
  node?: string;
  outcome?: string;
  urgent: boolean;
  /** 1: asked to rephrase, 2: theme menu, 3: human help */
  fallback?: 1 | 2 | 3;
  ambiguous?: boolean;
  /** a second need the message told in a clause of its own, offered after the first */
  also?: string;
  /** the person said the answer was wrong */
  disagreed?: boolean;
  command?: string;
}

/** One turn in progress: the state it changes, the world it reads, what it records. */
export interface Turn {
  state: ConversationState;
  ctx: TurnContext;
  trace: TurnTrace;
}

export function resetPosition(state: ConversationState) {
  state.at = undefined;
  state.pending = undefined;
}

export const option = (label: string): ChoiceOption => ({ label, value: label });

/** A menu entry the engine builds itself (themes, needs, communes), recognised like a tree's choice. */
export const choiceOf = (label: string, synonyms: string[] = []): Choosable => ({ label, synonyms });
