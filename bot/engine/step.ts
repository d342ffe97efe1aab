import type { Reply } from '../types';
import type { Trees } from '../trees/types';
import type { ConversationState } from '../state/types';
import type { Knowledge } from '../../knowledge/types';

export interface EngineContext {
  trees: Trees;
  knowledge: Knowledge;
  now: Date;
}

export interface StepResult {
  state: ConversationState;
  replies: Reply[];
  /** the person said STOP: the caller deletes everything it keeps about them */
  forget?: boolean;
}

// Work in progress: the real engine lands with issue 2.
export function step(state: ConversationState, input: { text: string }, _ctx: EngineContext): StepResult {
  return { state, replies: [{ text: `Vous avez écrit : ${input.text}` }] };
}
