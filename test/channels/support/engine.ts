import type { Engine } from '../../../bot/conversation';
import type { EngineContext } from '../../../bot/engine/step';
import { initialState, type ConversationState } from '../../../bot/state/types';
import type { Intent } from '../../../bot/trees/types';
import type { Reply } from '../../../bot/types';

// A minimal tree walker standing in for the real engine (issue 2) so that channel tests
// drive real conversations today. TODO(lead): drop it and use bot/engine/step.ts.

const normalize = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();

export const WELCOME = 'Bonjour. Décrivez votre besoin en quelques mots.';

function goTo(intent: Intent, node: string, ctx: EngineContext): { state: ConversationState; replies: Reply[] } {
  const question = intent.questions[node];
  if (question) {
    return {
      state: { ...initialState(), at: { intent: intent.id, node } },
      replies: [{ text: question.text, choices: question.choices.map((c) => ({ label: c.label, value: c.label })) }],
    };
  }
  const outcome = intent.outcomes[node];
  const orientation = ctx.knowledge.orientation(intent, outcome, { now: ctx.now });
  return { state: initialState(), replies: [{ text: `${intent.title} : voici où vous adresser.`, orientation, urgent: outcome.urgent }] };
}

export const testEngine: Engine = (state, input, ctx) => {
  const said = normalize(input.text);
  if (['menu', 'recommencer'].includes(said)) return { state: initialState(), replies: [{ text: WELCOME }] };
  if (said === 'aide') return { state, replies: [{ text: 'Écrivez votre besoin, par exemple : carte d’identité.' }] };
  if (state.at) {
    const intent = ctx.trees.byId.get(state.at.intent)!;
    const question = intent.questions[state.at.node];
    const chosen = question.choices.find(
      (c, i) => said === String(i + 1) || said === normalize(c.label) || c.synonyms.some((s) => said.includes(s)),
    );
    if (chosen) return goTo(intent, chosen.next, ctx);
    return { state, replies: [{ text: `Je n'ai pas compris. ${question.text}`, choices: goTo(intent, question.id, ctx).replies[0].choices }] };
  }
  const intent = ctx.trees.intents.find((i) => i.keywords.some((k) => said.includes(k)));
  return intent ? goTo(intent, intent.start, ctx) : { state, replies: [{ text: WELCOME }] };
};
