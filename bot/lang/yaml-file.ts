import { LineCounter, parseDocument, type Node } from 'yaml';
import type { Position } from '../trees/types';
import type { TreeProblem } from '../trees/loader';

// A translation file read as plain data, keeping where each value was written, so that every
// problem a translator gets points to file:line:column (French, like the trees' own).

export interface YamlFile {
  file: string;
  data: Record<string, unknown>;
  /** where the value at this path was written; the file's start when absent */
  pos(path: (string | number)[]): Position;
}

export function readYamlFile(file: string, text: string, problems: TreeProblem[]): YamlFile | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) problems.push({ ...at(error.pos[0]), severity: 'error', message: `YAML mal formé : ${error.message.split('\n')[0]}` });
    return undefined;
  }
  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ ...at(0), severity: 'error', message: 'le fichier doit être une liste de champs « nom: valeur ».' });
    return undefined;
  }
  return {
    file,
    data: data as Record<string, unknown>,
    pos: (path) => at((doc.getIn(path, true) as Node | undefined)?.range?.[0] ?? 0),
  };
}

/** What a compiled snapshot keeps of a translation file: its data, already checked (no positions). */
export interface ParsedYaml {
  file: string;
  data: Record<string, unknown>;
}

export const parsedYamlFile = ({ file, data }: ParsedYaml): YamlFile => ({ file, data, pos: () => ({ file, line: 1, column: 1 }) });

export const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export const asText = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
