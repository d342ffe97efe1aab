import type { Knowledge } from '../../knowledge/types';
import { type Choosable, recognizeChoice } from '../engine/answer';
import { MESSAGES } from '../messages';
import type { ConversationState } from '../state/types';
import type { Intent } from '../trees/types';
import type { Reply } from '../types';

// When a signal is not clear enough to give the lines at once, the bot asks one question
// rather than drop it. The question itself already carries the number to call.

const ANSWERS: (Choosable & { means: 'yes' | 'no' })[] = [
  { label: 'Oui', synonyms: ['je suis en danger', 'oui maintenant', 'au secours', 'vite'], means: 'yes' },
  { label: 'Non', synonyms: ['pas maintenant', 'non ca va', 'pas en danger', 'je ne suis pas en danger'], means: 'no' },
];

/** The first line of an urgent need, as people dial it (« 31 14 »). */
function firstLine(intent: Intent, knowledge: Knowledge): string {
  const start = intent.outcomes[intent.start] ?? Object.values(intent.outcomes)[0];
  const id = start?.services[0] ?? '17';
  return knowledge.service(id)?.nationalPhone ?? id;
}

/** « Êtes-vous en danger maintenant ? », remembering the emergency and the ordinary need the message may be. */
export function dangerQuestion(state: ConversationState, urgent: Intent, need: Intent | undefined, knowledge: Knowledge): Reply {
  state.pending = { kind: 'danger', intent: urgent.id, ...(need && !need.urgent ? { need: need.id } : {}) };
  return { text: MESSAGES.inDanger(firstLine(urgent, knowledge)), choices: ANSWERS.map((a) => ({ label: a.label, value: a.label })), urgent: true };
}

export function isDangerAnswer(text: string): 'yes' | 'no' | undefined {
  const picked = recognizeChoice(text, ANSWERS);
  return picked === undefined ? undefined : ANSWERS[picked].means;
}
