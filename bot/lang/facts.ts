import type { TreeProblem } from '../trees/loader';
import type { Position } from '../trees/types';

// Facts are never changed by translation: every number of a translated text (a fee, a
// deadline, a phone number, a fiche code) must be one its French source writes, and links
// come from the French source only. « 39 39 », « 3939 » and « 39-39 » are one number.

const NUMBER = /\d+(?:[  .-]\d+)*/g;
const URL = /https?:\/\/|www\./i;

export const numbersIn = (text: string): string[] => (text.match(NUMBER) ?? []).map((n) => n.replace(/\D/g, ''));

/** Problems of one translated text (or list) against its French source. */
export function factProblems(translated: string | string[], french: string | string[], pos: Position, what: string): TreeProblem[] {
  const ours = [translated].flat().join(' \n ');
  const theirs = [french].flat().join(' \n ');
  const problems: TreeProblem[] = [];
  const frenchNumbers = new Set(numbersIn(theirs));
  const translatedNumbers = new Set(numbersIn(ours));
  const added = [...translatedNumbers].filter((n) => !frenchNumbers.has(n) && !splitOf(n, frenchNumbers));
  if (added.length > 0)
    problems.push({
      ...pos,
      severity: 'error',
      message: `${what} : le nombre ${added.join(', ')} n'est pas dans le texte français. Une traduction ne change jamais un montant, un délai ni un numéro.`,
    });
  const dropped = [...frenchNumbers].filter((n) => !translatedNumbers.has(n) && !splitOf(n, translatedNumbers));
  if (dropped.length > 0)
    problems.push({ ...pos, severity: 'warning', message: `${what} : le nombre ${dropped.join(', ')} du texte français manque dans la traduction.` });
  if (URL.test(ours))
    problems.push({ ...pos, severity: 'error', message: `${what} : pas d'adresse web dans une traduction (les liens viennent du texte français).` });
  return problems;
}

/** « 25 € » written « €25.00 »: one number is the other followed by zeros. */
const splitOf = (n: string, among: Set<string>) =>
  [...among].some((m) => {
    const [short, long] = m.length < n.length ? [m, n] : [n, m];
    return long === `${short}00`;
  });
