import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { Reply } from '../../bot/types';
import { initialState, type ConversationState } from '../../bot/state/types';
import { step, type EngineContext, type TurnTrace } from '../../bot/engine/step';
import { foldText } from '../../knowledge/text';
import { treeFiles } from '../../bot/trees/files';
import type { Trees } from '../../bot/trees/types';
import { createKnowledge } from '../../knowledge';

// Conversation tests written by agents (test/conversations/*.yaml, format in
// test/conversations/README.md): what the person says, what the bot must answer.

export interface Expectation {
  intent?: string;
  question?: string;
  outcome?: string;
  services?: string[];
  choices?: string[];
  contains?: string[];
  not_contains?: string[];
  urgent?: boolean;
  understood?: boolean;
}

export interface TurnSpec {
  say: string;
  expect: Expectation;
  line: number;
}

export interface ConversationSpec {
  name: string;
  file: string;
  line: number;
  /** an annuaire index to run with (absolute path), so that the bot asks for the commune */
  annuaire?: string;
  turns: TurnSpec[];
}

export interface TurnResult {
  spec: TurnSpec;
  replies: Reply[];
  trace: TurnTrace;
  failures: string[];
}

export interface ConversationResult {
  spec: ConversationSpec;
  turns: TurnResult[];
  passed: boolean;
  /** tree nodes this conversation went through: see nodeKey */
  reached: Set<string>;
}

const EXPECT_FIELDS: Record<keyof Expectation, 'text' | 'texts' | 'boolean'> = {
  intent: 'text',
  question: 'text',
  outcome: 'text',
  services: 'texts',
  choices: 'texts',
  contains: 'texts',
  not_contains: 'texts',
  urgent: 'boolean',
  understood: 'boolean',
};

export class DialogTestFormatError extends Error {}

/** Reads one test file; a mistake in it is reported as file:line with a French sentence. */
export function parseDialogTests(file: string, text: string, baseDir = dirname(file)): ConversationSpec[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: Node | null | undefined) => lines.linePos(node?.range?.[0] ?? 0).line;
  const fail = (node: Node | null | undefined, message: string): never => {
    throw new DialogTestFormatError(`${file}:${lineOf(node)} ${message}`);
  };
  if (doc.errors.length > 0)
    throw new DialogTestFormatError(`${file}:${lines.linePos(doc.errors[0].pos[0]).line} YAML mal formé : ${doc.errors[0].message.split('\n')[0]}`);
  const root = doc.contents;
  const list = isMap(root) ? root.get('conversations', true) : undefined;
  if (!isSeq(list)) return fail(root, 'le fichier doit commencer par « conversations: » suivi d’une liste de conversations.');

  return list.items.map((item) => {
    if (!isMap(item)) return fail(item as Node, 'chaque conversation doit avoir « name: » et « turns: ».');
    const name = item.get('name');
    const annuaire = item.get('annuaire');
    const turns = item.get('turns', true);
    if (typeof name !== 'string' || !name.trim()) return fail(item, 'il manque « name: », la phrase qui décrit la conversation.');
    if (!isSeq(turns) || turns.items.length === 0) return fail(item, `la conversation « ${name} » doit avoir « turns: » avec au moins un échange.`);
    if (annuaire !== undefined && (typeof annuaire !== 'string' || !existsSync(resolve(baseDir, annuaire)))) {
      return fail(item, '« annuaire: » doit être le chemin d’un fichier qui existe, à partir du dossier du test.');
    }
    return {
      name,
      file,
      line: lineOf(item),
      ...(annuaire ? { annuaire: resolve(baseDir, annuaire) } : {}),
      turns: turns.items.map((turn) => {
        if (!isMap(turn)) return fail(turn as Node, 'chaque échange doit avoir « say: » et « expect: ».');
        const say = turn.get('say');
        if (typeof say !== 'string' && typeof say !== 'number') return fail(turn, 'il manque « say: », ce que la personne écrit.');
        const expectNode = turn.get('expect', true);
        if (expectNode !== undefined && !isMap(expectNode)) return fail(expectNode as Node, '« expect: » doit être une liste de champs « nom: valeur ».');
        const expectation = (expectNode?.toJSON() ?? {}) as Record<string, unknown>;
        return { say: String(say), expect: checkExpectation(expectation, (message) => fail(expectNode ?? turn, message)), line: lineOf(turn) };
      }),
    };
  });
}

function checkExpectation(raw: Record<string, unknown>, fail: (message: string) => never): Expectation {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const kind = EXPECT_FIELDS[key as keyof Expectation];
    if (!kind) fail(`champ inconnu « ${key} » dans « expect: ». Champs possibles : ${Object.keys(EXPECT_FIELDS).join(', ')}.`);
    if (kind === 'boolean' && typeof value !== 'boolean') fail(`« ${key} » doit valoir true ou false.`);
    if (kind === 'text' && typeof value !== 'string') fail(`« ${key} » doit être un identifiant.`);
    if (kind === 'texts') {
      const list = Array.isArray(value) ? value : [value];
      if (list.some((v) => typeof v !== 'string' && typeof v !== 'number')) fail(`« ${key} » doit être un texte ou une liste de textes.`);
      out[key] = list.map(String);
    } else out[key] = value;
  }
  return out as Expectation;
}

export function readDialogTests(dir: string, root = process.cwd()): ConversationSpec[] {
  return treeFiles(dir).flatMap((path) => parseDialogTests(relative(root, path), readFileSync(path, 'utf8'), dirname(path)));
}

// One knowledge per annuaire index, shared by the conversations that name it.
const knowledgeByAnnuaire = new Map<string, EngineContext['knowledge']>();

/** The context a conversation runs in: the given one, with the annuaire it names if any. */
export function contextFor(ctx: EngineContext, { annuaire }: ConversationSpec): EngineContext {
  if (!annuaire) return ctx;
  let knowledge = knowledgeByAnnuaire.get(annuaire);
  if (!knowledge) {
    knowledge = createKnowledge({ annuaireIndex: annuaire, log: () => undefined });
    knowledgeByAnnuaire.set(annuaire, knowledge);
  }
  return { ...ctx, knowledge };
}

/** Runs one conversation from a fresh state, checking every turn even after a failure. */
export function runConversation(spec: ConversationSpec, base: EngineContext): ConversationResult {
  const ctx = contextFor(base, spec);
  let state: ConversationState = initialState();
  const turns: TurnResult[] = [];
  const reached = new Set<string>();
  for (const turn of spec.turns) {
    const result = step(state, { text: turn.say }, ctx);
    markReached(reached, ctx.trees, state, result.state, result.trace);
    state = result.state;
    turns.push({ spec: turn, replies: result.replies, trace: result.trace, failures: check(turn.expect, result.replies, result.trace) });
  }
  return { spec, turns, passed: turns.every((t) => t.failures.length === 0), reached };
}

function check(expect: Expectation, replies: Reply[], trace: TurnTrace): string[] {
  const failures: string[] = [];
  const text = replies.map((r) => r.text).join('\n');
  const choices = replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []);
  const services = replies.flatMap((r) => r.orientation?.services.map((s) => s.id) ?? []);
  const urgent = replies.some((r) => r.urgent === true);
  const understood = trace.fallback === undefined && !trace.disagreed;
  const same = (a: unknown, b: unknown, what: string) => {
    if (a !== undefined && a !== b) failures.push(`${what} attendu : ${show(a)} ; obtenu : ${show(b)}`);
  };
  same(expect.intent, trace.intent, 'besoin');
  same(expect.question, trace.node, 'question');
  same(expect.outcome, trace.outcome, 'résultat');
  same(expect.urgent, urgent, 'urgence');
  same(expect.understood, understood, 'compris');
  const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => foldText(x) === foldText(b[i]));
  if (expect.choices && !sameList(expect.choices, choices)) {
    failures.push(`choix attendus : ${show(expect.choices)} ; obtenus : ${show(choices)}`);
  }
  if (expect.services && expect.services.join('|') !== services.join('|'))
    failures.push(`services attendus : ${show(expect.services)} ; obtenus : ${show(services)}`);
  const folded = foldText(text);
  for (const part of expect.contains ?? []) if (!folded.includes(foldText(part))) failures.push(`la réponse devait contenir « ${part} »`);
  for (const part of expect.not_contains ?? []) if (folded.includes(foldText(part))) failures.push(`la réponse ne devait pas contenir « ${part} »`);
  return failures;
}

const show = (value: unknown) => (Array.isArray(value) ? `[${value.join(', ')}]` : value === undefined ? '(rien)' : String(value));

/** Coverage keys: one per question, per answer of a question, per outcome. */
const nodeKey = {
  question: (intent: string, id: string) => `${intent}#question:${id}`,
  choice: (intent: string, question: string, index: number) => `${intent}#choice:${question}:${index}`,
  outcome: (intent: string, id: string) => `${intent}#outcome:${id}`,
};

/**
 * Marks the path of a turn: from the intent's start, following the answers the state holds,
 * to the question asked or the outcome reached (questions answered by the first message
 * are passed through without being asked, and count as reached).
 */
function markReached(reached: Set<string>, trees: Trees, before: ConversationState, after: ConversationState, trace: TurnTrace) {
  const intentId = trace.intent ?? after.at?.intent ?? before.at?.intent;
  const intent = intentId ? trees.byId.get(intentId) : undefined;
  const target = trace.outcome ?? after.at?.node;
  if (!intent || !target) return;
  let current = intent.start;
  for (let guard = 0; guard < 50; guard++) {
    if (intent.outcomes[current]) {
      reached.add(nodeKey.outcome(intent.id, current));
      return;
    }
    const question = intent.questions[current];
    if (!question) return;
    reached.add(nodeKey.question(intent.id, current));
    if (current === target) return;
    const index = question.choices.findIndex((c) => c.label === after.answers[question.id]);
    if (index < 0) return;
    reached.add(nodeKey.choice(intent.id, question.id, index));
    current = question.choices[index].next;
  }
}

export interface CoverageReport {
  nodes: { reached: number; total: number };
  outcomes: { reached: number; total: number };
  intents: { reached: number; total: number };
  /** what no test reaches, one readable line each */
  missing: string[];
}

/** Share of tree nodes (questions, answers, outcomes), outcomes and intents the tests reach. */
export function coverage(trees: Trees, reached: Set<string>, include = (intent: Trees['intents'][number]) => !intent.generated): CoverageReport {
  const report: CoverageReport = { nodes: { reached: 0, total: 0 }, outcomes: { reached: 0, total: 0 }, intents: { reached: 0, total: 0 }, missing: [] };
  const count = (bucket: { reached: number; total: number }, hit: boolean) => {
    bucket.total += 1;
    if (hit) bucket.reached += 1;
  };
  for (const intent of trees.intents.filter(include)) {
    const keys: [string, string][] = [];
    for (const question of Object.values(intent.questions)) {
      keys.push([nodeKey.question(intent.id, question.id), `question « ${question.id} » (${question.pos.file}:${question.pos.line})`]);
      question.choices.forEach((choice, i) =>
        keys.push([nodeKey.choice(intent.id, question.id, i), `réponse « ${choice.label} » de « ${question.id} » (${choice.pos.file}:${choice.pos.line})`]),
      );
    }
    for (const outcome of Object.values(intent.outcomes)) {
      const key = nodeKey.outcome(intent.id, outcome.id);
      keys.push([key, `résultat « ${outcome.id} » (${outcome.pos.file}:${outcome.pos.line})`]);
      count(report.outcomes, reached.has(key));
    }
    const missing = keys.filter(([key]) => !reached.has(key));
    for (const [key] of keys) count(report.nodes, reached.has(key));
    count(report.intents, missing.length < keys.length);
    if (missing.length === keys.length) report.missing.push(`${intent.id} : aucun test n'atteint ce besoin (${intent.pos.file}:${intent.pos.line})`);
    else for (const [, label] of missing) report.missing.push(`${intent.id} : ${label}`);
  }
  return report;
}

const percent = ({ reached, total }: { reached: number; total: number }) => (total === 0 ? '100 %' : `${Math.round((reached / total) * 1000) / 10} %`);

export function formatCoverage(report: CoverageReport): string {
  const lines = [
    `Couverture des arbres par les tests de conversation :`,
    `  nœuds (questions, réponses, résultats) : ${report.nodes.reached}/${report.nodes.total} (${percent(report.nodes)})`,
    `  résultats : ${report.outcomes.reached}/${report.outcomes.total} (${percent(report.outcomes)})`,
    `  besoins : ${report.intents.reached}/${report.intents.total} (${percent(report.intents)})`,
  ];
  if (report.missing.length > 0) lines.push('Non atteints :', ...report.missing.map((m) => `  - ${m}`));
  return lines.join('\n');
}

/** The whole transcript beside what was expected: what an agent reads when a test fails. */
export function formatTranscript(result: ConversationResult): string {
  const lines = [`${result.passed ? '✓' : '✗'} ${result.spec.name} (${result.spec.file}:${result.spec.line})`];
  for (const turn of result.turns) {
    lines.push(`    Personne : ${turn.spec.say}`);
    for (const reply of turn.replies) {
      const choices = reply.choices?.length ? ` [${reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join(' | ')}]` : '';
      const services = reply.orientation ? ` {services : ${reply.orientation.services.map((s) => s.id).join(', ')}}` : '';
      lines.push(`    Robot    : ${reply.text}${choices}${services}${reply.urgent ? ' (URGENCE)' : ''}`);
    }
    const expected = Object.entries(turn.spec.expect)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(' ; ');
    lines.push(`      attendu (ligne ${turn.spec.line}) : ${expected || '(rien)'}`);
    for (const failure of turn.failures) lines.push(`      ✗ ${failure}`);
  }
  return lines.join('\n');
}
