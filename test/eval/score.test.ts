// How the accuracy benchmark scores one answer (npm run eval).
import { serviceComparer } from '../../scripts/eval/cases';
import { score } from '../../scripts/eval/score';

const same = serviceComparer(() => undefined);
const answer = (needs: string[][], understood = true, urgent = false) => ({ needs, understood, urgent });

test('an old and a new id of the same office count as the same service', () => {
  expect(score({ text: 'chômage', expect: ['france_travail'] }, answer([['pole_emploi']]), same).hit1).toBe(true);
  expect(score({ text: 'licenciement', expect: ['direccte_ut'] }, answer([['ddets']]), same).hit1).toBe(true);
});

test('the right service in the second need is a hit at 3, not at 1', () => {
  expect(score({ text: 'x', expect: ['caf'] }, answer([['cpam'], ['caf']]), same)).toEqual({ kind: 'need', hit1: false, hit3: true });
});

test('an out-of-scope message is a hit only when refused, or when it names an accepted service', () => {
  expect(score({ text: 'pizza', expect: ['none'] }, answer([], false), same)).toEqual({ kind: 'none', hit1: true, hit3: true });
  expect(score({ text: 'pizza', expect: ['none'] }, answer([['adil']]), same).hit1).toBe(false);
  expect(score({ text: 'baby sitting', expect: ['none', 'cij'] }, answer([['cij']]), same).hit1).toBe(true);
});

test('an emergency counts only when answered as urgent', () => {
  const kase = { text: 'mon mari me frappe', expect: ['3919', '17'] };
  expect(score(kase, answer([['3919']], true, false), same).hit1).toBe(false);
  expect(score(kase, answer([['3919']], true, true), same)).toEqual({ kind: 'emergency', hit1: true, hit3: true });
});
