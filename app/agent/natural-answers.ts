import type { Reply } from '../../bot/types';
import { initialState, type ConversationState } from '../../bot/state/types';
import { step, type EngineContext, type StepResult } from '../../bot/engine/step';
import { choiceForCommune, recognizeChoice, type Choosable } from '../../bot/engine/answer';
import { foldText } from '../../knowledge/text';
import { contextFor, type ConversationSpec } from './dialog-tests';

// `npm run test:dialogs -- --natural`: every conversation test replayed with its answers
// rewritten as people answer (yes and no in everyday forms, a typo in the label, the answer
// restated in a sentence, a number or an ordinal, a postal code for a commune), to measure
// how often the bot still reaches the same outcome. Rewrites are deterministic: the same
// seed gives the same sentences (format in test/conversations/README.md).

export type RewriteKind = 'oui/non' | 'faute' | 'phrase' | 'numéro' | 'lieu' | 'code postal' | 'commune';

export interface Rewrite {
  turn: number;
  kind: RewriteKind;
  from: string;
  to: string;
}

export interface NaturalReplay {
  spec: ConversationSpec;
  rewrites: Rewrite[];
  same: boolean;
  /** what the bot reached at each turn, original then rewritten, when they differ */
  original: string[];
  natural: string[];
}

const YES = ['oui oui', 'ben oui', 'ouais', 'absolument', 'oui bien sûr', "oui c'est ça", 'euh oui'];
const NO = ['non non', 'pas du tout', 'ben non', 'nan', 'non merci', 'absolument pas'];
const RESTATED = ['je dirais {}', "c'est {}", '{} je pense', 'alors {}', '{} svp'];
const ORDINALS = ['la première', 'la deuxième', 'la troisième', 'la quatrième', 'la cinquième'];
// Where one lives, said instead of choosing "En France" or "Non, ailleurs en France".
const COMMUNES = ['Lyon', 'Lille', 'Toulouse', 'Nantes', 'Rennes', 'Paris', 'Marseille'];
const LIVING = ["j'habite à {}", 'je vis à {}', '{}'];

/** FNV-1a: a number from a text, so that a seed and a place in the tests always pick the same rewrite. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
const pick = <T>(list: T[], key: string): T => list[hash(key) % list.length];

/** One typo as people make them: a letter dropped, doubled or swapped with the next, in the longest word. */
export function withTypo(label: string, key: string): string | undefined {
  const words = foldText(label).split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 5) return undefined;
  const at = 1 + (hash(`${key}:at`) % (longest.length - 2));
  const typo = [
    longest.slice(0, at) + longest.slice(at + 1),
    longest.slice(0, at) + longest[at] + longest.slice(at),
    longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2),
  ][hash(`${key}:kind`) % 3];
  return words.map((w) => (w === longest ? typo : w)).join(' ');
}

/** The choices the person is answering: the tree question's, or those of the bot's last reply. */
function choicesBefore(state: ConversationState, previous: Reply[], ctx: EngineContext): Choosable[] {
  const question = state.at ? ctx.trees.byId.get(state.at.intent)?.questions[state.at.node] : undefined;
  if (question) return question.choices;
  return previous.flatMap((r) => r.choices ?? []).map((c) => ({ label: c.label, synonyms: [] }));
}

/** A natural way to give the same answer, or undefined when the message answers no question. */
function rewriteAnswer(say: string, state: ConversationState, previous: Reply[], ctx: EngineContext, key: string): Omit<Rewrite, 'turn'> | undefined {
  if (state.pending?.kind === 'commune' && !state.pending.candidates) return rewriteCommune(say, ctx);
  // "non, j'habite à Roubaix" says more than its choice: rewriting it would lose the commune.
  if (ctx.knowledge.findCommuneInText(say)) return undefined;
  const choices = choicesBefore(state, previous, ctx);
  const index = choices.length > 0 ? recognizeChoice(say, choices) : undefined;
  if (index === undefined) return undefined;
  const label = choices[index].label;
  const polarity = foldText(label).match(/^(oui|non)\b/)?.[1];
  const options: Omit<Rewrite, 'turn'>[] = [];
  const add = (kind: RewriteKind, to: string | undefined) => {
    if (to && foldText(to) !== foldText(say)) options.push({ kind, from: say, to });
  };
  if (polarity) add('oui/non', pick(polarity === 'oui' ? YES : NO, key));
  add('faute', withTypo(label, key));
  add('phrase', pick(RESTATED, `${key}:phrase`).replace('{}', label.toLowerCase()));
  add('numéro', /^\d+$/.test(say.trim()) ? label : ORDINALS[index]);
  const communes = COMMUNES.filter((name) => choiceForCommune(name, choices) === index);
  if (communes.length > 0) add('lieu', `${polarity === 'non' ? 'non ' : ''}${pick(LIVING, `${key}:living`).replace('{}', pick(communes, `${key}:commune`))}`);
  return options.length > 0 ? pick(options, `${key}:kind`) : undefined;
}

/** At the commune question: a postal code for a name, a sentence with the name for a code. */
function rewriteCommune(say: string, ctx: EngineContext): Omit<Rewrite, 'turn'> | undefined {
  const resolved = ctx.knowledge.resolveCommune(say);
  if (resolved.status !== 'found') return undefined;
  const { name, postalCodes } = resolved.commune;
  const written = ` ${foldText(say)} `;
  if (!written.includes(` ${foldText(name)} `) && !postalCodes.some((code) => written.includes(` ${code} `))) return undefined;
  if (/\d{5}/.test(say)) return { kind: 'commune', from: say, to: `j'habite à ${name}` };
  return postalCodes.length === 1 ? { kind: 'code postal', from: say, to: postalCodes[0] } : undefined;
}

/** What a turn reached, to compare a conversation with its natural replay. */
const reached = (result: StepResult): string => {
  const services = result.replies.flatMap((r) => r.orientation?.services.map((s) => s.id) ?? []);
  return [result.trace.intent, result.trace.outcome, result.trace.node, services.join(',')].map((v) => v ?? '').join('|');
};

function play(says: string[], ctx: EngineContext, onTurn?: (i: number, before: ConversationState, previous: Reply[]) => void): string[] {
  let state = initialState();
  let previous: Reply[] = [];
  return says.map((say, i) => {
    onTurn?.(i, state, previous);
    const result = step(state, { text: say }, ctx);
    state = result.state;
    previous = result.replies;
    return reached(result);
  });
}

/**
 * Replays a conversation with every answer to a question rewritten; undefined when it has
 * no answer to rewrite. Same outcome: the same needs, questions, outcomes and services, turn by turn.
 */
export function replayNaturally(spec: ConversationSpec, base: EngineContext, seed: string): NaturalReplay | undefined {
  const ctx = contextFor(base, spec);
  const says = spec.turns.map((t) => t.say);
  const rewrites: Rewrite[] = [];
  const original = play(says, ctx, (i, before, previous) => {
    if (i === 0) return;
    const rewrite = rewriteAnswer(says[i], before, previous, ctx, `${seed}:${spec.file}:${spec.name}:${i}`);
    if (rewrite) rewrites.push({ turn: i, ...rewrite });
  });
  if (rewrites.length === 0) return undefined;
  const natural = play(
    says.map((say, i) => rewrites.find((r) => r.turn === i)?.to ?? say),
    ctx,
  );
  return { spec, rewrites, same: natural.every((n, i) => n === original[i]), original, natural };
}

export function formatNaturalReplay(replay: NaturalReplay): string {
  const lines = [`${replay.same ? '✓' : '✗'} ${replay.spec.name} (${replay.spec.file}:${replay.spec.line})`];
  for (const r of replay.rewrites) lines.push(`    échange ${r.turn + 1}, ${r.kind} : « ${r.from} » → « ${r.to} »`);
  replay.original.forEach((o, i) => {
    if (o !== replay.natural[i]) lines.push(`      échange ${i + 1} : attendu ${o || '(rien)'} ; obtenu ${replay.natural[i] || '(rien)'}`);
  });
  return lines.join('\n');
}
