import { LineCounter, parseDocument, type Node } from 'yaml';
import type { Knowledge } from '../../knowledge/types';
import { readTreeSources, type TreeSource } from './files';
import { buildIntent, type Plain } from './intents';
import { at, checkShape, type FileContext, nodePos, problem, type Sub } from './shape';
import type { Intent, Position, Signal, Theme, Trees } from './types';
import { collectSafety, emptySafety, expressionChoices, type FileSafety, unknownGroups } from '../safety/vocabulary';
import { isLanguageSource, loadLanguages } from '../lang/languages';

// Reads the agents' YAML into the trees the engine runs: file by file, the YAML's shape is
// checked against the schema (shape.ts), then each need is built and checked (intents.ts).
// Every problem points to file:line:column, in French, for the agent who wrote it.

export interface TreeProblem extends Position {
  severity: 'error' | 'warning';
  message: string;
}

export interface LoadResult {
  /** undefined when any error was found: callers keep their previous trees */
  trees?: Trees;
  problems: TreeProblem[];
}

export const formatProblem = (p: TreeProblem) => `${p.file}:${p.line}:${p.column} ${p.severity === 'error' ? 'erreur' : 'attention'} : ${p.message}`;

/** Loads and validates every tree under `dir`. Paths in messages are relative to `root`. */
export function loadTrees(dir: string, knowledge: Knowledge, root = process.cwd()): LoadResult {
  return loadTreeSources(readTreeSources(dir, root), knowledge);
}

/** Same as loadTrees, from texts in memory (tests, the agent console). */
export function loadTreeSources(sources: TreeSource[], knowledge: Knowledge): LoadResult {
  const problems: TreeProblem[] = [];
  const intents: Intent[] = [];
  const themes: Theme[] = [];
  const safety = emptySafety();
  for (const source of sources.filter((s) => !isLanguageSource(s.file))) {
    const parsed = parseTreeFile(source.file, source.text, knowledge, problems);
    if (parsed) {
      themes.push(parsed.theme);
      intents.push(...parsed.intents);
      collectSafety(safety, parsed.safety, problems);
    }
  }
  const byId = new Map<string, Intent>();
  for (const intent of intents) {
    const first = byId.get(intent.id);
    if (first) {
      problems.push(
        problem(
          intent.pos,
          'error',
          `le besoin « ${intent.id} » existe déjà (${first.pos.file}:${first.pos.line}). Chaque besoin doit avoir un identifiant unique.`,
        ),
      );
    } else byId.set(intent.id, intent);
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const french = { intents, byId, themes: mergeThemes(themes), safety, loadedAt: new Date().toISOString() };
  const { languages, unsupported } = loadLanguages(sources, french, knowledge, problems);
  // after the languages, whose signals may name groups too
  problems.push(...unknownGroups(intents, safety), ...expressionChoices(intents, safety));
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { trees: { ...french, languages, unsupported }, problems };
}

function mergeThemes(themes: Theme[]): Theme[] {
  const byId = new Map<string, Theme>();
  for (const theme of themes) if (!byId.has(theme.id)) byId.set(theme.id, theme);
  return [...byId.values()];
}

function parseTreeFile(file: string, text: string, knowledge: Knowledge, problems: TreeProblem[]) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const ctx: FileContext = { file, lines, problems, knowledge };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = at(ctx, error.pos[0]);
      problems.push(problem(pos, 'error', `YAML mal formé : ${explainYamlError(error.code, error.message)}`));
    }
    return undefined;
  }
  const root = doc.contents as Node | null;
  if (!root) {
    problems.push(problem(at(ctx, 0), 'error', 'le fichier est vide.'));
    return undefined;
  }
  const data = checkShape(ctx, root, 'file', 'le fichier');
  if (!data) return undefined;
  const generated = data.generated === true;
  const theme: Theme = { id: String(data.theme ?? ''), title: String(data.title ?? ''), file };
  const intents: Intent[] = [];
  for (const item of (data.intents as { node: Node; value: Plain }[] | undefined) ?? []) {
    const intent = buildIntent(ctx, item.node, item.value, theme.id, generated);
    if (intent) intents.push(intent);
  }
  return { theme, intents, safety: fileSafety(ctx, data) };
}

/** The emergency vocabulary a file writes besides its needs (bot/safety/vocabulary.ts). */
function fileSafety(ctx: FileContext, data: Plain): FileSafety {
  return {
    groupList: ((data.signal_groups as Sub[] | undefined) ?? []).map((g) => ({
      name: String(g.value.name ?? ''),
      words: (g.value.words as string[] | undefined) ?? [],
      pos: nodePos(ctx, g.node),
    })),
    past: (data.past_signals as Signal[] | undefined) ?? [],
    now: (data.now_signals as Signal[] | undefined) ?? [],
    figurative: (data.figurative_signals as Signal[] | undefined) ?? [],
    question: (data.question_signals as Signal[] | undefined) ?? [],
    negations: (data.negations as string[] | undefined) ?? [],
  };
}

function explainYamlError(code: string, message: string): string {
  const first = message.split('\n')[0];
  switch (code) {
    case 'DUPLICATE_KEY':
      return `un même champ est écrit deux fois (${first}).`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `l'indentation ou la ponctuation est incorrecte : vérifiez les espaces en début de ligne et les « : ». (${first})`;
    case 'MULTILINE_IMPLICIT_KEY':
      return `une ligne semble continuer la précédente : vérifiez l'indentation, ou mettez le texte entre guillemets. (${first})`;
    default:
      return first;
  }
}
