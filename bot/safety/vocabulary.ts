import type { Intent, Position, SafetyVocabulary, Signal } from '../trees/types';
import { parseSignal, parseWord } from './pattern';

// The file-level part of the emergency vocabulary (signal_groups, past_signals, now_signals,
// figurative_signals, question_signals, negations), gathered from every tree file and checked,
// with file:line:column messages.

interface Problem extends Position {
  severity: 'error' | 'warning';
  message: string;
}

export interface FileSafety {
  groupList: { name: string; words: string[]; pos: Position }[];
  past?: Signal[];
  now?: Signal[];
  figurative?: Signal[];
  question?: Signal[];
  negations?: string[];
}

export const emptySafety = (): SafetyVocabulary => ({ groups: new Map(), past: [], now: [], figurative: [], question: [], negations: [] });

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
  into.figurative.push(...(file.figurative ?? []));
  into.question.push(...(file.question ?? []));
  into.negations.push(...(file.negations ?? []));
}

const allSignals = (intents: Intent[], safety: SafetyVocabulary): Signal[] => [
  ...intents.flatMap((i) => [...i.signals, ...i.unsureSignals, ...i.notSignals]),
  ...safety.past,
  ...safety.now,
  ...safety.figurative,
  ...safety.question,
];

/**
 * Short words that begin an expression (« la vie », « l immeuble », « ce soir », « à la sortie »,
 * « en bas », « chez moi »), as agents write them: determiners, pronouns and prepositions.
 */
const LINKS = new Set(
  'l la le les un une des du de d au aux ce cet cette ces ma mon mes ta ton tes sa son ses notre nos votre vos leur leurs à en chez pour avec dans sur sous par jusqu jusque'.split(
    ' ',
  ),
);
/** Longer words that are chosen among such short words on purpose (« me|nous|de @tuer »). */
const SMALL = new Set(['nous', 'vous', 'tous', 'toutes', 'plein', 'sans']);
const isWord = (choice: string) => choice.length >= 4 && !SMALL.has(choice) && !LINKS.has(choice) && !choice.startsWith('@');

/**
 * A choice that ends with the first word of an expression (« marre de vivre|la vie » reads
 * « marre de (vivre|la) vie », « devant|en bas » reads « (devant|en) bas »): a choice is between
 * single words, so the signal never matches what its author meant. An error: such signals were
 * found that had never matched. A short word really chosen alone goes first (« avec|social »).
 */
export function expressionChoices(intents: Intent[], safety: SafetyVocabulary): Problem[] {
  return allSignals(intents, safety).flatMap((signal) => {
    const piece = signal.text.split(/[\s&]+/).find((p) => {
      const choices = p.split('|');
      return choices.length > 1 && LINKS.has(choices[choices.length - 1]) && choices.some(isWord);
    });
    if (!piece) return [];
    const choices = piece.split('|');
    const link = choices[choices.length - 1];
    const message =
      `signal « ${signal.text} » : « ${piece} » choisit entre des mots seuls, pas entre des expressions, et « ${link} » commence une expression. ` +
      `Pour deux expressions, écrivez deux signaux. Si « ${link} » est bien un mot choisi seul, placez-le en premier : « ${[link, ...choices.slice(0, -1)].join('|')} ».`;
    return [{ ...signal.pos, severity: 'error' as const, message }];
  });
}

/** Signals that name a group no file defines. */
export function unknownGroups(intents: Intent[], safety: SafetyVocabulary): Problem[] {
  return allSignals(intents, safety).flatMap((signal) =>
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
