import { type Choosable, recognizeChoice } from '../engine/answer';
import type { ConversationState } from '../state/types';
import type { Intent } from '../trees/types';
import type { Reply } from '../types';
import type { TurnContext } from '../engine/turn';

// When a signal is not clear enough to give the lines at once, the bot asks one question
// rather than drop it. The question itself already carries the number to call.

const ANSWERS: (Choosable & { means: 'yes' | 'no' })[] = [
  { label: 'Oui', synonyms: ['je suis en danger', 'oui maintenant', 'au secours', 'vite'], means: 'yes' },
  { label: 'Non', synonyms: ['pas maintenant', 'non ca va', 'pas en danger', 'je ne suis pas en danger'], means: 'no' },
];

/** The answers in the conversation's language: its yes and no words, the French ones still understood. */
const answersIn = (ctx: Pick<TurnContext, 'pack'>): (Choosable & { means: 'yes' | 'no' })[] =>
  ctx.pack
    ? ANSWERS.map((a) => {
        const words = a.means === 'yes' ? ctx.pack!.yes : ctx.pack!.no;
        return { ...a, label: capitalized(words[0] ?? a.label), synonyms: [...words.slice(1), a.label, ...a.synonyms] };
      })
    : ANSWERS;

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The first line of an urgent need, as people dial it (« 31 14 »). */
function firstLine(intent: Intent, knowledge: TurnContext['knowledge']): string {
  const start = intent.outcomes[intent.start] ?? Object.values(intent.outcomes)[0];
  const id = start?.services[0] ?? '17';
  return knowledge.service(id)?.nationalPhone ?? id;
}

/** « Êtes-vous en danger maintenant ? », remembering the emergency and the ordinary need the message may be. */
export function dangerQuestion(
  state: ConversationState,
  urgent: Intent,
  need: Intent | undefined,
  ctx: Pick<TurnContext, 'pack' | 'say' | 'knowledge'>,
): Reply {
  state.pending = { kind: 'danger', intent: urgent.id, ...(need && !need.urgent ? { need: need.id } : {}) };
  return { text: ctx.say.inDanger(firstLine(urgent, ctx.knowledge)), choices: answersIn(ctx).map((a) => ({ label: a.label, value: a.label })), urgent: true };
}

export function isDangerAnswer(text: string, ctx: Pick<TurnContext, 'pack'>): 'yes' | 'no' | undefined {
  const answers = answersIn(ctx);
  const picked = recognizeChoice(text, answers);
  return picked === undefined ? undefined : answers[picked].means;
}
