import type { Intent } from '../trees/types';
import type { Situation } from './model';

// The signals and the model together. The signals were written from the wording they were
// tuned on; the model reads any wording, less surely. Measured by cross-validation and on
// texts gathered after the signals (docs/accuracy.md): the model adds emergencies the signals
// miss when it is confident, at the cost of about as many false alarms; it never silences a
// signal (one real emergency in sixteen got less than 3 % from it, cross-validated).

/** An emergency found in a message, by the signals or by the model. */
export interface Emergency {
  intent: Intent;
  /** false: the bot asks « Êtes-vous en danger maintenant ? » before giving the lines */
  sure: boolean;
  /** the signal that matched, as the agent wrote it (for traces and agents, never the message) */
  signal: string;
}

/**
 * What the signals say of a message: an emergency, or why it is calm — told in the past with
 * nothing that says it goes on ('past'), a signal denied by a negation or by a sign that it is
 * something else (« mon chien a avalé... », 'denied'), a question on a procedure or a case
 * imagined ('question'); undefined when no signal occurs.
 */
export type Reading = Emergency | 'past' | 'denied' | 'question' | undefined;

/** From this probability, the model alone asks « Êtes-vous en danger maintenant ? »... */
export const ASK = 0.8;
/** ...and from this one, it gives the lines at once. */
export const SURE = 0.95;

/**
 * The model reads stories: under this many words (an answer to a question, a commune, a
 * request), the signals alone decide. They were written for such messages, and the model,
 * trained on stories, reads too little in them: « dans la fonction publique » and « l'éclairage
 * public ne marche plus dans ma rue » once came out as a collapse.
 */
export const STORY_WORDS = 15;

/** What the model says of a story in which no signal found an emergency. */
export function weigh(read: Exclude<Reading, Emergency>, situation: Situation, urgent: Map<string, Intent>): Emergency | undefined {
  // the signals' words of time, negations and exceptions outweigh the model, which reads none of them for sure
  if (read === 'past' || read === 'denied' || situation.emergency < ASK) return undefined;
  const intent = urgent.get(situation.label);
  if (!intent) return undefined;
  const sure = read !== 'question' && situation.emergency >= SURE;
  return { intent, sure, signal: `modèle : ${intent.id} (${situation.emergency.toFixed(2)})` };
}
