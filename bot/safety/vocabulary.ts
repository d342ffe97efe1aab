import type { Intent, Position, SafetyVocabulary, Signal } from '../trees/types';
import { parseSignal, parseWord } from './pattern';

// The file-level part of the emergency vocabulary (signal_groups, past_signals, now_signals,
// negations), gathered from every tree file and checked, with file:line:column messages.

interface Problem extends Position {
  severity: 'error' | 'warning';
  message: string;
}

export interface FileSafety {
  groupList: { name: string; words: string[]; pos: Position }[];
  past?: Signal[];
  now?: Signal[];
  negations?: string[];
}

export const emptySafety = (): SafetyVocabulary => ({ groups: new Map(), past: [], now: [], negations: [] });

const GROUP_NAME = /^[a-z0-9_]+$/;
const groupPositions = new WeakMap<SafetyVocabulary, Map<string, Position>>();

/** Adds one file's vocabulary to the whole, reporting bad group names, words and duplicates. */
export function collectSafety(into: SafetyVocabulary, file: FileSafety, problems: Problem[]): void {
  const positions = groupPositions.get(into) ?? new Map<string, Position>();
  groupPositions.set(into, positions);
  for (const group of file.groupList) {
    const report = (message: string) => problems.push({ ...group.pos, severity: 'error', message: `groupe « ${group.name} » : ${message}` });
    if (!GROUP_NAME.test(group.name)) report('le nom doit être en minuscules, sans accent ni espace (utilisez « _ »).');
    const first = positions.get(group.name);
    if (first) report(`ce groupe existe déjà (${first.file}:${first.line}).`);
    for (const word of group.words) {
      const parsed = parseWord(word);
      if (typeof parsed === 'string') report(parsed);
      else if (parsed.length !== 1) report(`« ${word} » : un groupe contient des mots seuls ; écrivez une expression dans un signal.`);
    }
    positions.set(group.name, group.pos);
    into.groups.set(group.name, group.words);
  }
  into.past.push(...(file.past ?? []));
  into.now.push(...(file.now ?? []));
  into.negations.push(...(file.negations ?? []));
}

/** Signals that name a group no file defines. */
export function unknownGroups(intents: Intent[], safety: SafetyVocabulary): Problem[] {
  const signals = [...intents.flatMap((i) => [...i.signals, ...i.unsureSignals, ...i.notSignals]), ...safety.past, ...safety.now];
  return signals.flatMap((signal) =>
    (parseSignal(signal.text).parts ?? [])
      .flat()
      .flatMap((slot) => slot.groups.filter((group) => !safety.groups.has(group)))
      .map((group) => ({
        ...signal.pos,
        severity: 'error' as const,
        message: `signal « ${signal.text} » : le groupe « @${group} » n'existe pas. Groupes connus : ${[...safety.groups.keys()].join(', ') || 'aucun'}.`,
      })),
  );
}
