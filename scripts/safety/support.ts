import type { Signal, Trees } from '../../bot/trees/types';
import { readMessage } from '../../bot/safety/anchors';
import { compileDetector } from '../../bot/safety/compile';
import { occurs } from '../../bot/safety/detector';
import type { EmergencyCase } from '../eval/emergencies';

// Which pages of the tuning part each signal of dialogs/urgences.yaml was right on: a signal
// found in emergencies (or, for the signals of calm — past, figurative, question, not — in
// non-emergencies) of one page only was most likely written while reading that page. Removing,
// for each fold of the cross-validation, the signals that only that fold's pages support
// measures the vocabulary as if it had been written without them: a fair estimate of how it
// does on wording nobody has read, as the hold-out measures it (docs/accuracy.md).

/** The page a case comes from (its text when it names none). */
export const pageOf = (kase: EmergencyCase): string => kase.url ?? kase.text;

/** Each signal that occurs where it is right, with the pages it occurs in. */
export function signalSupport(trees: Trees, cases: EmergencyCase[]): Map<Signal, Set<string>> {
  const compiled = compileDetector(trees);
  const alarms = [...compiled.urgent.flatMap((u) => [...u.sure, ...u.unsure]), ...compiled.now];
  const calms = [...compiled.urgent.flatMap((u) => u.not), ...compiled.past, ...compiled.figurative, ...compiled.question];
  const support = new Map<Signal, Set<string>>();
  for (const kase of cases) {
    const { words, positions } = readMessage(compiled, kase.text);
    for (const signal of kase.emergency ? alarms : calms) {
      if (!occurs(signal, positions, words, compiled.tight)) continue;
      const pages = support.get(signal.source) ?? new Set<string>();
      support.set(signal.source, pages.add(pageOf(kase)));
    }
  }
  return support;
}

/** The trees with only the signals `keep` keeps (urgent needs' signals and the file-level lists). */
export function keptSignals(trees: Trees, keep: (signal: Signal) => boolean): Trees {
  const { past, now, figurative, question } = trees.safety;
  return {
    ...trees,
    safety: { ...trees.safety, past: past.filter(keep), now: now.filter(keep), figurative: figurative.filter(keep), question: question.filter(keep) },
    intents: trees.intents.map((i) =>
      i.urgent ? { ...i, signals: i.signals.filter(keep), unsureSignals: i.unsureSignals.filter(keep), notSignals: i.notSignals.filter(keep) } : i,
    ),
  };
}

/** How many signals occur where they are right, and how many of them on one page only. */
export function supportSummary(support: Map<Signal, Set<string>>): { supported: number; onePage: number } {
  return { supported: support.size, onePage: [...support.values()].filter((pages) => pages.size === 1).length };
}
