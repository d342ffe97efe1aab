import { EMERGENCY_LINES, type EvalCase } from './cases';
import type { SystemAnswer } from './systems';

export interface Score {
  /** an out-of-scope message, an emergency, or an ordinary need */
  kind: 'need' | 'none' | 'emergency';
  /** the first need names an expected service (and is flagged urgent for an emergency) */
  hit1: boolean;
  /** one of the first three needs names an expected service */
  hit3: boolean;
}

/** How one answer fares against one case; `same` maps a service id to its canonical form. */
export function score(kase: EvalCase, answer: SystemAnswer, same: (id: string) => string): Score {
  const expected = new Set(kase.expect.map(same));
  const names = (services: string[] | undefined) => (services ?? []).some((s) => expected.has(same(s)));
  const acceptsNone = expected.has('none');
  const kind = acceptsNone && expected.size === 1 ? 'none' : kase.expect.some((id) => EMERGENCY_LINES.has(id)) ? 'emergency' : 'need';
  if (acceptsNone) {
    const ok = !answer.understood || names(answer.needs[0]);
    return { kind, hit1: ok, hit3: ok };
  }
  const hit1 = answer.understood && names(answer.needs[0]) && (kind !== 'emergency' || answer.urgent);
  const hit3 = answer.needs.slice(0, 3).some(names);
  return { kind, hit1, hit3 };
}
