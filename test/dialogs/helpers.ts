import { join } from 'node:path';
import { createKnowledge } from '../../knowledge';
import { loadTrees } from '../../bot/trees/loader';
import { buildMatcher } from '../../bot/nlu/matcher';
import { step, type EngineContext } from '../../bot/engine/step';
import { initialState, type ConversationState } from '../../bot/state/types';
import type { Reply } from '../../bot/types';
import type { Intent, TreeOutcome } from '../../bot/trees/types';

const ROOT = join(__dirname, '..', '..');

/** The real trees of dialogs/ (curated and generated), as the bot loads them. */
export function realContext(): EngineContext {
  const knowledge = createKnowledge();
  const { trees, problems } = loadTrees(join(ROOT, 'dialogs'), knowledge, ROOT);
  if (!trees) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return { trees, matcher: buildMatcher(trees.intents), knowledge, now: new Date('2026-11-30T10:00:00Z') };
}

/** A person writing to the bot, one message after the other. */
export function conversation(ctx: EngineContext) {
  let state: ConversationState = initialState();
  return {
    say(text: string): Reply[] {
      const result = step(state, { text }, ctx);
      state = result.state;
      return result.replies;
    },
    get state() {
      return state;
    },
  };
}

export const orientationOf = (replies: Reply[]) => replies.find((r) => r.orientation)?.orientation;

/** The outcome reached by always answering the first choice. */
export function firstChoiceOutcome(intent: Intent): TreeOutcome {
  let node = intent.start;
  for (let guard = 0; guard < 20; guard++) {
    const outcome = intent.outcomes[node];
    if (outcome) return outcome;
    node = intent.questions[node].choices[0].next;
  }
  throw new Error(`${intent.id}: no outcome within 20 questions`);
}
