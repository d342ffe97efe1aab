import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Knowledge } from '../../knowledge/types';
import type { Intent, Position, Theme, TreeChoice, TreeOutcome, TreeQuestion, Trees } from './types';
import { SHAPES, type Shape } from './schema';
import { editDistance, typosInFieldName } from '../../knowledge/similarity';

export interface TreeProblem extends Position {
  severity: 'error' | 'warning';
  message: string;
}

export interface LoadResult {
  /** undefined when any error was found: callers keep their previous trees */
  trees?: Trees;
  problems: TreeProblem[];
}

export const formatProblem = (p: TreeProblem) =>
  `${p.file}:${p.line}:${p.column} ${p.severity === 'error' ? 'erreur' : 'attention'} : ${p.message}`;

const ID_PATTERN = /^[a-z0-9][a-z0-9_]*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Every *.yaml file under the given folders, in a stable order. */
export function treeFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...treeFiles(path));
    else if (/\.ya?ml$/.test(name)) files.push(path);
  }
  return files;
}

/** Loads and validates every tree under `dir`. Paths in messages are relative to `root`. */
export function loadTrees(dir: string, knowledge: Knowledge, root = process.cwd()): LoadResult {
  const sources = treeFiles(dir).map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));
  return loadTreeSources(sources, knowledge);
}

/** Same as loadTrees, from texts in memory (tests, the agent console). */
export function loadTreeSources(sources: { file: string; text: string }[], knowledge: Knowledge): LoadResult {
  const problems: TreeProblem[] = [];
  const intents: Intent[] = [];
  const themes: Theme[] = [];
  for (const source of sources) {
    const parsed = parseTreeFile(source.file, source.text, knowledge, problems);
    if (parsed) {
      themes.push(parsed.theme);
      intents.push(...parsed.intents);
    }
  }
  const byId = new Map<string, Intent>();
  for (const intent of intents) {
    const first = byId.get(intent.id);
    if (first) {
      problems.push(problem(intent.pos, 'error', `le besoin « ${intent.id} » existe déjà (${first.pos.file}:${first.pos.line}). Chaque besoin doit avoir un identifiant unique.`));
    } else byId.set(intent.id, intent);
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { trees: { intents, byId, themes: mergeThemes(themes), loadedAt: new Date().toISOString() }, problems };
}

function mergeThemes(themes: Theme[]): Theme[] {
  const byId = new Map<string, Theme>();
  for (const theme of themes) if (!byId.has(theme.id)) byId.set(theme.id, theme);
  return [...byId.values()];
}

const problem = (pos: Position, severity: TreeProblem['severity'], message: string): TreeProblem => ({ ...pos, severity, message });

type Plain = Record<string, unknown>;

/** Where each field of a checked map was written, to point messages at the right line. */
const fieldNodes = new WeakMap<Plain, Record<string, Node>>();
const fieldNode = (data: Plain, key: string, fallback: Node): Node => fieldNodes.get(data)?.[key] ?? fallback;

interface FileContext {
  file: string;
  lines: LineCounter;
  problems: TreeProblem[];
  knowledge: Knowledge;
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
  return { theme, intents };
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

function at(ctx: FileContext, offset: number): Position {
  const { line, col } = ctx.lines.linePos(offset);
  return { file: ctx.file, line, column: col };
}

const nodePos = (ctx: FileContext, node: Node | null | undefined) => at(ctx, node?.range?.[0] ?? 0);

/**
 * Checks a YAML map against a shape of the schema and returns its plain values, with
 * lists and maps of sub-shapes kept as {node, value} so positions survive.
 */
function checkShape(ctx: FileContext, node: Node, shapeName: string, what: string): Plain | undefined {
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
        problem(nodePos(ctx, keyNode), 'error', `champ inconnu « ${key} » dans ${what}.${hint ? ` Vouliez-vous écrire « ${hint} » ?` : ''} Champs possibles : ${known.join(', ')}.`),
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
    case 'texts': {
      if (isScalar(node) && node.value !== null && typeof node.value !== 'object') return [String(node.value)];
      if (!isSeq(node)) return fail('une liste de textes, une ligne « - texte » par élément');
      const values: string[] = [];
      for (const item of node.items as Node[]) {
        if (!isScalar(item) || item.value === null || typeof item.value === 'object') {
          ctx.problems.push(problem(nodePos(ctx, item ?? anchor), 'error', `chaque élément de « ${key} » doit être un texte (mettez-le entre guillemets s'il contient « : »).`));
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

interface Sub {
  node: Node;
  value: Plain;
}

function buildIntent(ctx: FileContext, node: Node, data: Plain, theme: string, generated: boolean): Intent | undefined {
  const pos = nodePos(ctx, node);
  const id = String(data.id ?? '');
  const before = ctx.problems.length;
  const report = (where: Node | Position, message: string, severity: TreeProblem['severity'] = 'error') =>
    ctx.problems.push(problem('file' in where ? where : nodePos(ctx, where), severity, `besoin « ${id} » : ${message}`));

  if (id && !ID_PATTERN.test(id)) report(pos, `l'identifiant doit être en minuscules, sans accent ni espace (utilisez « _ »).`);

  const strings = (key: string) => (data[key] as string[] | undefined) ?? [];
  const questions: Record<string, TreeQuestion> = {};
  const outcomes: Record<string, TreeOutcome> = {};
  const nodeIds = new Map<string, Node>();
  const claim = (nodeId: string, where: Node) => {
    if (nodeIds.has(nodeId)) report(where, `l'identifiant « ${nodeId} » est utilisé deux fois (questions et résultats partagent les mêmes identifiants).`);
    nodeIds.set(nodeId, where);
  };

  for (const entry of (data.questions as (Sub & { id: string })[] | undefined) ?? []) {
    claim(entry.id, entry.node);
    const choices: TreeChoice[] = ((entry.value.choices as Sub[] | undefined) ?? []).map((c) => ({
      label: String(c.value.label ?? ''),
      synonyms: (c.value.synonyms as string[] | undefined) ?? [],
      next: String(c.value.next ?? ''),
      pos: nodePos(ctx, fieldNode(c.value, 'next', c.node)),
    }));
    if (choices.length < 2) report(entry.node, `la question « ${entry.id} » doit proposer au moins 2 réponses.`);
    questions[entry.id] = { id: entry.id, text: String(entry.value.text ?? ''), choices, pos: nodePos(ctx, entry.node) };
  }

  const outcomeEntries = ((data.outcomes as (Sub & { id: string })[] | undefined) ?? []).slice();
  const single = data.outcome as Sub | undefined;
  if (single) outcomeEntries.push({ id: 'resultat', node: single.node, value: single.value });
  for (const entry of outcomeEntries) {
    claim(entry.id, entry.node);
    const outcome = buildOutcome(ctx, entry, report);
    if (outcome) outcomes[entry.id] = outcome;
  }

  if (single && (data.questions || data.outcomes)) report(pos, `utilisez soit « outcome » (un seul résultat), soit « questions » et « outcomes », pas les deux.`);
  if (!single && outcomeEntries.length === 0) report(pos, `il faut au moins un résultat (« outcome » ou « outcomes »).`);
  if (strings('keywords').length + strings('synonyms').length + strings('examples').length === 0) {
    report(pos, `rien ne permet de reconnaître ce besoin : ajoutez des « keywords », « synonyms » ou « examples ».`);
  }

  const firstQuestion = Object.keys(questions)[0];
  const start = (data.start as string | undefined) ?? firstQuestion ?? (single ? 'resultat' : Object.keys(outcomes)[0]);
  if (start && !nodeIds.has(start)) report(pos, `« start: ${start} » ne correspond à aucune question ni aucun résultat de ce besoin.`);

  for (const question of Object.values(questions)) {
    question.choices.forEach((choice, i) => {
      if (!nodeIds.has(choice.next)) {
        const hint = closest(choice.next, [...nodeIds.keys()]);
        report(choice.pos, `la réponse ${i + 1} (« ${choice.label} ») de la question « ${question.id} » mène à « ${choice.next} », qui n'existe pas.${hint ? ` Vouliez-vous écrire « ${hint} » ?` : ''}`);
      }
    });
  }

  if (ctx.problems.length > before && ctx.problems.slice(before).some((p) => p.severity === 'error')) return undefined;
  return {
    id,
    title: String(data.title ?? ''),
    theme,
    keywords: strings('keywords'),
    synonyms: strings('synonyms'),
    examples: strings('examples'),
    exclude: strings('exclude'),
    urgent: data.urgent === true || Object.values(outcomes).some((o) => o.urgent),
    start,
    questions,
    outcomes,
    generated,
    pos,
  };
}

function buildOutcome(ctx: FileContext, entry: Sub & { id: string }, report: (where: Node, message: string, severity?: TreeProblem['severity']) => void): TreeOutcome | undefined {
  const value = entry.value;
  const services: string[] = [];
  const servicesNode = fieldNode(value, 'services', entry.node);
  for (const id of (value.services as string[] | undefined) ?? []) {
    const canonical = ctx.knowledge.canonicalServiceId(id);
    if (!canonical) {
      report(servicesNode, `le résultat « ${entry.id} » nomme le service « ${id} », qui est inconnu. Utilisez un identifiant de la liste des services (knowledge/services.yaml).`);
    } else services.push(id);
  }
  if ((value.services as string[] | undefined)?.length === 0) report(entry.node, `le résultat « ${entry.id} » doit nommer au moins un service.`);
  const source = (value.source as Sub | undefined)?.value;
  if (source && !source.fiche && !source.url && !source.title) {
    report(fieldNode(value, 'source', entry.node), `la source du résultat « ${entry.id} » doit donner une fiche, une adresse (url) ou un titre.`);
  }
  const online = (value.online as Sub | undefined)?.value;
  if (online && !/^https:\/\//.test(String(online.url))) report(fieldNode(value, 'online', entry.node), `l'adresse de la démarche en ligne doit commencer par https://.`);
  if (!source) return undefined;
  return {
    id: entry.id,
    services,
    why: String(value.why ?? ''),
    bring: (value.bring as string[] | undefined) ?? [],
    online: online ? { label: String(online.label), url: String(online.url) } : undefined,
    source: {
      fiche: source.fiche as string | undefined,
      url: source.url as string | undefined,
      title: source.title as string | undefined,
      date: String(source.date),
    },
    urgent: value.urgent === true,
    askCommune: value.ask_commune === true,
    pos: nodePos(ctx, entry.node),
  };
}

/** The closest known name to a misspelled one, when it is close enough to be a typo. */
function closest(word: string, known: string[]): string | undefined {
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
