import { LineCounter, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Knowledge } from '../../knowledge/types';
import { editDistance, typosInFieldName } from '../../knowledge/similarity';
import type { TreeProblem } from './loader';
import { SHAPES, type Shape } from './schema';
import type { Position, Signal } from './types';
import { parseSignal } from '../safety/pattern';

// The YAML's shape against the schema (schema.ts): fields known, required ones present,
// values of the right type, each problem at the line and column it was written.

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const problem = (pos: Position, severity: TreeProblem['severity'], message: string): TreeProblem => ({ ...pos, severity, message });

export type Plain = Record<string, unknown>;

/** A list item or a block, with its node kept so that positions survive. */
export interface Sub {
  node: Node;
  value: Plain;
}

/** Where each field of a checked map was written, to point messages at the right line. */
const fieldNodes = new WeakMap<Plain, Record<string, Node>>();
export const fieldNode = (data: Plain, key: string, fallback: Node): Node => fieldNodes.get(data)?.[key] ?? fallback;

export interface FileContext {
  file: string;
  lines: LineCounter;
  problems: TreeProblem[];
  knowledge: Knowledge;
}

export function at(ctx: FileContext, offset: number): Position {
  const { line, col } = ctx.lines.linePos(offset);
  return { file: ctx.file, line, column: col };
}

export const nodePos = (ctx: FileContext, node: Node | null | undefined) => at(ctx, node?.range?.[0] ?? 0);

/**
 * Checks a YAML map against a shape of the schema and returns its plain values, with
 * lists and maps of sub-shapes kept as {node, value} so positions survive.
 */
export function checkShape(ctx: FileContext, node: Node, shapeName: string, what: string): Plain | undefined {
  const shape: Shape = SHAPES[shapeName];
  if (!isMap(node)) {
    ctx.problems.push(problem(nodePos(ctx, node), 'error', `${what} doit être une liste de champs « nom: valeur ».`));
    return undefined;
  }
  const out: Plain = {};
  const nodes: Record<string, Node> = {};
  fieldNodes.set(out, nodes);
  const present = new Set<string>();
  for (const pair of node.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const field = shape[key];
    if (!field) {
      const known = Object.keys(shape);
      const hint = closest(key, known);
      ctx.problems.push(
        problem(
          nodePos(ctx, keyNode),
          'error',
          `champ inconnu « ${key} » dans ${what}.${hint ? ` Vouliez-vous écrire « ${hint} » ?` : ''} Champs possibles : ${known.join(', ')}.`,
        ),
      );
      continue;
    }
    present.add(key);
    nodes[key] = keyNode;
    const valueNode = pair.value as Node | null;
    const value = checkValue(ctx, valueNode ?? keyNode, valueNode, field.type, key, what);
    if (value !== undefined) out[key] = value;
  }
  for (const [key, field] of Object.entries(shape)) {
    if (field.required && !present.has(key)) {
      ctx.problems.push(problem(nodePos(ctx, node), 'error', `il manque le champ « ${key} » dans ${what} (${field.doc}).`));
    }
  }
  return out;
}

function checkValue(ctx: FileContext, anchor: Node, node: Node | null, type: Shape[string]['type'], key: string, what: string): unknown {
  const fail = (expected: string) => {
    ctx.problems.push(problem(nodePos(ctx, anchor), 'error', `le champ « ${key} » de ${what} doit être ${expected}.`));
    return undefined;
  };
  switch (type.kind) {
    case 'text': {
      if (!isScalar(node) || node.value === null || typeof node.value === 'object') return fail('un texte');
      const value = String(node.value).trim();
      return value ? value : fail('un texte non vide');
    }
    case 'date': {
      const value = isScalar(node) ? node.value : undefined;
      const str = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
      return DATE_PATTERN.test(str) && !Number.isNaN(Date.parse(str)) ? str : fail('une date au format AAAA-MM-JJ (ex. 2026-11-29)');
    }
    case 'boolean':
      return isScalar(node) && typeof node.value === 'boolean' ? node.value : fail('true ou false');
    case 'signals': {
      if (!isSeq(node)) return fail('une liste de signaux, une ligne « - signal » par élément');
      const signals: Signal[] = [];
      for (const item of node.items as Node[]) {
        const pos = nodePos(ctx, item ?? anchor);
        if (!isScalar(item) || item.value === null || typeof item.value === 'object') {
          ctx.problems.push(problem(pos, 'error', `chaque élément de « ${key} » doit être un texte (mettez-le entre guillemets s'il contient « : »).`));
          continue;
        }
        const text = String(item.value);
        const parsed = parseSignal(text);
        if (parsed.error) ctx.problems.push(problem(pos, 'error', `signal « ${text} » : ${parsed.error}`));
        else signals.push({ text, pos });
      }
      return signals;
    }
    case 'texts': {
      if (isScalar(node) && node.value !== null && typeof node.value !== 'object') return [String(node.value)];
      if (!isSeq(node)) return fail('une liste de textes, une ligne « - texte » par élément');
      const values: string[] = [];
      for (const item of node.items as Node[]) {
        if (!isScalar(item) || item.value === null || typeof item.value === 'object') {
          ctx.problems.push(
            problem(nodePos(ctx, item ?? anchor), 'error', `chaque élément de « ${key} » doit être un texte (mettez-le entre guillemets s'il contient « : »).`),
          );
        } else values.push(String(item.value));
      }
      return values;
    }
    case 'object': {
      if (!node) return fail('un bloc de champs');
      const value = checkShape(ctx, node, type.shape, `« ${key} »`);
      return value ? { node, value } : undefined;
    }
    case 'list': {
      if (!isSeq(node)) return fail('une liste, un élément par « - »');
      const items: { node: Node; value: Plain }[] = [];
      (node.items as Node[]).forEach((item, i) => {
        const value = checkShape(ctx, item, type.shape, `l'élément ${i + 1} de « ${key} »`);
        if (value) items.push({ node: item, value });
      });
      return items;
    }
    case 'map': {
      if (!isMap(node)) return fail('une liste de blocs « identifiant: ... »');
      const entries: { id: string; node: Node; value: Plain }[] = [];
      for (const pair of node.items) {
        const id = isScalar(pair.key) ? String(pair.key.value) : '';
        const child = pair.value as Node;
        const value = child ? checkShape(ctx, child, type.shape, `« ${id} »`) : undefined;
        if (!child) ctx.problems.push(problem(nodePos(ctx, pair.key as Node), 'error', `« ${id} » est vide.`));
        if (value) entries.push({ id, node: pair.key as Node, value });
      }
      return entries;
    }
  }
}

/** The closest known name to a misspelled one, when it is close enough to be a typo. */
export function closest(word: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = typosInFieldName(word) + 1;
  for (const candidate of known) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
