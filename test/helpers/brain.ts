import { loadBrain } from '../../app/runtime';
import { step, type EngineContext, type StepResult } from '../../bot/engine/step';
import { initialState, type ConversationState } from '../../bot/state/types';

let brain: ReturnType<typeof loadBrain> | undefined;

/** The bundled trees and knowledge, loaded once per test file. */
export function bundledContext(now = new Date('2026-11-30T10:00:00+01:00')): EngineContext {
  brain ??= loadBrain();
  return { ...brain.registry.current, knowledge: brain.knowledge, now };
}

/** Plays a whole conversation through the pure engine; returns every turn's result. */
export function converse(messages: string[], ctx: EngineContext = bundledContext(), start: ConversationState = initialState()): StepResult[] {
  const turns: StepResult[] = [];
  let state = start;
  for (const text of messages) {
    const result = step(state, { text }, ctx);
    turns.push(result);
    state = result.state;
  }
  return turns;
}

export const servicesOf = (turn: StepResult) => turn.replies.flatMap((r) => r.orientation?.services.map((s) => s.id) ?? []);
export const choicesOf = (turn: StepResult) => turn.replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []);
export const textOf = (turn: StepResult) => turn.replies.map((r) => r.text).join('\n');
