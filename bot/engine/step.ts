import type { ChoiceOption, Reply } from '../types';
import type { Intent, Theme, TreeChoice, TreeOutcome, TreeQuestion, Trees } from '../trees/types';
import type { ConversationState } from '../state/types';
import { initialState } from '../state/types';
import type { Commune, Knowledge } from '../../knowledge/types';
import type { Candidate, Matcher } from '../nlu/matcher';
import { foldText } from '../../knowledge/text';
import { mentionedChoice, recognizeChoice } from './answer';
import { type Command, commandOf } from './commands';
import { MESSAGES } from '../messages';
import { orientationText } from './render';
import { THRESHOLDS, understand, type Understanding } from './understand';

export interface EngineContext {
  trees: Trees;
  matcher: Matcher;
  knowledge: Knowledge;
  now: Date;
}

/** What happened in a turn, for metrics and for agents reviewing misunderstood messages. */
export interface TurnTrace {
  normalized: string;
  candidates: { id: string; score: number; matched: string[] }[];
  intent?: string;
  node?: string;
  outcome?: string;
  urgent: boolean;
  /** 1: asked to rephrase, 2: theme menu, 3: human help */
  fallback?: 1 | 2 | 3;
  ambiguous?: boolean;
  /** the person said the answer was wrong */
  disagreed?: boolean;
  command?: string;
}

export interface StepResult {
  state: ConversationState;
  replies: Reply[];
  trace: TurnTrace;
  /** the person said STOP: the caller deletes everything it keeps about them */
  forget?: boolean;
}

export const MAX_MESSAGE_LENGTH = 1000;

/**
 * One turn of a conversation. Pure: the same state, text and context give the same
 * result, so any process can run any turn and tests need no server.
 */
export function step(previous: ConversationState, input: { text: string }, ctx: EngineContext): StepResult {
  const state: ConversationState = structuredClone(previous);
  const trace: TurnTrace = { normalized: '', candidates: [], urgent: false };
  const done = (replies: Reply[], extra: Partial<StepResult> = {}): StepResult => ({ state, replies, trace, ...extra });

  const text = input.text ?? '';
  if (text.length > MAX_MESSAGE_LENGTH) return done([{ text: MESSAGES.tooLong(MAX_MESSAGE_LENGTH) }]);
  const folded = foldText(text) || text.trim();
  if (!folded) return done([{ text: MESSAGES.empty }]);

  const command = commandOf(folded);
  trace.command = command;
  switch (command) {
    case 'stop':
      return { state: initialState(), replies: [{ text: MESSAGES.forgotten }], trace, forget: true };
    case 'help':
      return done([{ text: MESSAGES.help }]);
    case 'restart':
      return { state: initialState(), replies: [{ text: MESSAGES.restarted }], trace };
    case 'menu':
      return done([themeMenu(state, ctx)]);
    case 'back':
      return done([goBack(state, ctx)]);
    case 'notThat':
      trace.disagreed = true;
      resetPosition(state);
      return done([{ text: MESSAGES.notThat }]);
  }

  const understanding = understand(text, ctx.matcher);
  trace.normalized = understanding.normalized;
  trace.candidates = understanding.candidates.map((c) => ({ id: c.intent.id, score: c.score, matched: c.matched }));

  // Emergencies come before any pending question.
  if (understanding.urgent) return done(startIntent(state, understanding.urgent.intent, text, ctx, trace));

  const pendingReply = continuePending(state, text, command, understanding, ctx, trace);
  if (pendingReply) return done(pendingReply);

  return done(newNeed(state, text, understanding, ctx, trace));
}

/** An answer to what the bot asked last, or undefined when the message is a new need. */
function continuePending(
  state: ConversationState,
  text: string,
  command: Command | undefined,
  understanding: Understanding,
  ctx: EngineContext,
  trace: TurnTrace,
): Reply[] | undefined {
  const isNewNeed = (currentIntent?: string) => {
    const top = understanding.candidates[0];
    return top !== undefined && top.score >= THRESHOLDS.switchTopic && top.intent.id !== currentIntent;
  };
  const pending = state.pending;

  if (pending?.kind === 'commune') {
    const intent = ctx.trees.byId.get(pending.intent);
    const outcome = intent?.outcomes[pending.outcome];
    if (!intent || !outcome) return undefined;
    if (command === 'skip') return finish(state, intent, outcome, undefined, ctx, trace);
    const options = pending.candidates;
    if (options) {
      const picked = recognizeChoice(text, options.map((code) => choiceOf(communeLabelFor(ctx, code), code)));
      if (picked !== undefined) return finish(state, intent, outcome, communeByCode(ctx, options[picked]), ctx, trace);
    }
    const resolved = ctx.knowledge.resolveCommune(text);
    if (resolved.status === 'found') return finish(state, intent, outcome, resolved.commune, ctx, trace);
    if (resolved.status === 'ambiguous') return askWhichCommune(state, pending.intent, pending.outcome, resolved.candidates);
    if (isNewNeed()) return undefined;
    return [{ text: MESSAGES.communeUnknown }];
  }

  if (pending?.kind === 'disambiguate') {
    const intents = pending.intents.map((id) => ctx.trees.byId.get(id)).filter((i): i is Intent => !!i);
    const choices = [...intents.map((i) => choiceOf(i.title, i.id)), choiceOf(MESSAGES.somethingElse, '', ['autre', 'aucun', 'rien de tout ca'])];
    const picked = recognizeChoice(text, choices);
    if (picked === intents.length) {
      state.pending = undefined;
      return [{ text: MESSAGES.rephrase }];
    }
    if (picked !== undefined) return startIntent(state, intents[picked], '', ctx, trace);
    return isNewNeed() ? undefined : [{ text: MESSAGES.notAnAnswer }, disambiguation(state, intents)];
  }

  if (pending?.kind === 'menu') {
    const themes = menuThemes(ctx);
    const picked = recognizeChoice(text, themes.map((t) => choiceOf(t.title, t.id, [t.id])));
    // Not a theme: treated as a new message, so the fallback ladder keeps climbing.
    return picked === undefined ? undefined : [intentMenu(state, ctx, themes[picked].id)];
  }

  if (pending?.kind === 'theme') {
    const intents = menuIntents(ctx, pending.theme);
    const picked = recognizeChoice(text, intents.map((i) => choiceOf(i.title, i.id)));
    if (picked !== undefined) return startIntent(state, intents[picked], '', ctx, trace);
    return isNewNeed() ? undefined : [{ text: MESSAGES.notAnAnswer }, intentMenu(state, ctx, pending.theme)];
  }

  if (state.at) {
    const intent = ctx.trees.byId.get(state.at.intent);
    const question = intent?.questions[state.at.node];
    if (!intent || !question) {
      resetPosition(state);
      return undefined;
    }
    const picked = recognizeChoice(text, question.choices);
    if (picked !== undefined) {
      state.answers[question.id] = question.choices[picked].label;
      state.trail.push({ intent: intent.id, node: question.id });
      return advance(state, intent, question.choices[picked].next, '', ctx, trace);
    }
    if (isNewNeed(intent.id)) return undefined;
    return [{ text: MESSAGES.notAnAnswer }, askQuestion(question)];
  }
  return undefined;
}

function newNeed(state: ConversationState, text: string, understanding: Understanding, ctx: EngineContext, trace: TurnTrace): Reply[] {
  resetPosition(state);
  if (understanding.ambiguous) {
    trace.ambiguous = true;
    state.misses = 0;
    return [disambiguation(state, understanding.ambiguous.map((c) => c.intent))];
  }
  if (understanding.best) return startIntent(state, understanding.best.intent, text, ctx, trace);

  state.misses += 1;
  if (state.misses === 1) {
    trace.fallback = 1;
    return [{ text: MESSAGES.rephrase }];
  }
  if (state.misses === 2) {
    trace.fallback = 2;
    return [themeMenu(state, ctx)];
  }
  trace.fallback = 3;
  state.misses = 0;
  return [{ text: MESSAGES.humanHelp }];
}

function startIntent(state: ConversationState, intent: Intent, text: string, ctx: EngineContext, trace: TurnTrace): Reply[] {
  resetPosition(state);
  state.misses = 0;
  state.trail = [];
  // "j'habite à Roubaix" in the first message answers the commune question before it is asked.
  const mentioned = text ? ctx.knowledge.findCommuneInText(text) : undefined;
  if (mentioned) state.commune = mentioned.code;
  trace.intent = intent.id;
  trace.urgent = intent.urgent;
  return advance(state, intent, intent.start, text, ctx, trace);
}

/**
 * Moves to a node, skipping every question already answered: earlier in the conversation
 * (same question id) or in the message that started it ("je vis au Canada").
 */
function advance(state: ConversationState, intent: Intent, nodeId: string, text: string, ctx: EngineContext, trace: TurnTrace): Reply[] {
  let current = nodeId;
  for (let guard = 0; guard < 50; guard++) {
    const outcome = intent.outcomes[current];
    if (outcome) return reachOutcome(state, intent, outcome, ctx, trace);
    const question = intent.questions[current];
    if (!question) break;
    const known = knownAnswer(state, question, text);
    if (known === undefined) {
      state.at = { intent: intent.id, node: question.id };
      trace.node = question.id;
      return [askQuestion(question)];
    }
    state.answers[question.id] = question.choices[known].label;
    current = question.choices[known].next;
  }
  resetPosition(state);
  return [{ text: MESSAGES.rephrase }];
}

function knownAnswer(state: ConversationState, question: TreeQuestion, text: string): number | undefined {
  const fromText = text ? mentionedChoice(text, question.choices) : undefined;
  if (fromText !== undefined) return fromText;
  const previous = state.answers[question.id];
  if (previous === undefined) return undefined;
  const index = question.choices.findIndex((c) => c.label === previous);
  return index >= 0 ? index : undefined;
}

function reachOutcome(state: ConversationState, intent: Intent, outcome: TreeOutcome, ctx: EngineContext, trace: TurnTrace): Reply[] {
  const needsCommune = !outcome.urgent && (outcome.askCommune || ctx.knowledge.dependsOnCommune(outcome));
  if (!needsCommune) return finish(state, intent, outcome, undefined, ctx, trace);
  const known = state.commune ? communeByCode(ctx, state.commune) : undefined;
  if (known) return finish(state, intent, outcome, known, ctx, trace);
  state.at = undefined;
  state.pending = { kind: 'commune', intent: intent.id, outcome: outcome.id };
  trace.node = 'commune';
  return [{ text: MESSAGES.askCommune }];
}

function finish(state: ConversationState, intent: Intent, outcome: TreeOutcome, commune: Commune | undefined, ctx: EngineContext, trace: TurnTrace): Reply[] {
  // The trail stays: RETOUR after an orientation lets the person change their last answer.
  resetPosition(state);
  if (commune) state.commune = commune.code;
  trace.intent = intent.id;
  trace.outcome = outcome.id;
  trace.urgent = outcome.urgent;
  const orientation = ctx.knowledge.orientation(intent, outcome, { commune, now: ctx.now });
  const replies: Reply[] = [{ text: orientationText(orientation), orientation, urgent: outcome.urgent || undefined }];
  if (!outcome.urgent) replies.push({ text: MESSAGES.anythingElse });
  return replies;
}

function askWhichCommune(state: ConversationState, intent: string, outcome: string, candidates: Commune[]): Reply[] {
  const shown = candidates.slice(0, 9);
  state.pending = { kind: 'commune', intent, outcome, candidates: shown.map((c) => c.code) };
  return [{ text: MESSAGES.communeWhich, choices: shown.map((c) => option(communeLabel(c))) }];
}

const communeLabel = (c: Commune) => `${c.name} (${c.departement})`;
const communeByCode = (ctx: EngineContext, code: string) => {
  const found = ctx.knowledge.resolveCommune(code);
  return found.status === 'found' ? found.commune : undefined;
};
const communeLabelFor = (ctx: EngineContext, code: string) => {
  const commune = communeByCode(ctx, code);
  return commune ? communeLabel(commune) : code;
};

function askQuestion(question: TreeQuestion): Reply {
  return { text: question.text, choices: question.choices.map((c) => option(c.label)) };
}

const option = (label: string): ChoiceOption => ({ label, value: label });

/** A menu entry the engine builds itself (themes, needs, communes), read like a tree choice. */
const choiceOf = (label: string, next: string, synonyms: string[] = []): TreeChoice => ({ label, synonyms, next, pos: { file: '', line: 0, column: 0 } });

function disambiguation(state: ConversationState, intents: Intent[]): Reply {
  state.pending = { kind: 'disambiguate', intents: intents.map((i) => i.id) };
  return { text: MESSAGES.disambiguate, choices: [...intents.map((i) => option(i.title)), option(MESSAGES.somethingElse)] };
}

function themeMenu(state: ConversationState, ctx: EngineContext): Reply {
  resetPosition(state);
  state.pending = { kind: 'menu' };
  return { text: MESSAGES.menu, choices: menuThemes(ctx).map((t) => option(t.title)) };
}

interface Menus {
  /** themes that have curated needs, emergencies first */
  themes: Theme[];
  /** curated needs by theme: generated ones are too many for a menu */
  intents: Map<string, Intent[]>;
}

// Built once per set of trees, not on every menu turn.
const menusByTrees = new WeakMap<Trees, Menus>();

function menus(trees: Trees): Menus {
  let built = menusByTrees.get(trees);
  if (!built) {
    const intents = new Map<string, Intent[]>();
    for (const intent of trees.intents) if (!intent.generated) intents.set(intent.theme, [...(intents.get(intent.theme) ?? []), intent]);
    const themes = trees.themes.filter((t) => intents.has(t.id));
    const urgent = (t: Theme) => intents.get(t.id)!.some((i) => i.urgent);
    built = { themes: [...themes.filter(urgent), ...themes.filter((t) => !urgent(t))], intents };
    menusByTrees.set(trees, built);
  }
  return built;
}

const menuIntents = (ctx: EngineContext, theme: string): Intent[] => menus(ctx.trees).intents.get(theme) ?? [];
const menuThemes = (ctx: EngineContext): Theme[] => menus(ctx.trees).themes;

function intentMenu(state: ConversationState, ctx: EngineContext, themeId: string): Reply {
  const theme = ctx.trees.themes.find((t) => t.id === themeId);
  state.pending = { kind: 'theme', theme: themeId };
  return { text: MESSAGES.themeMenu(theme?.title ?? themeId), choices: menuIntents(ctx, themeId).map((i) => option(i.title)) };
}

function goBack(state: ConversationState, ctx: EngineContext): Reply {
  const previous = state.trail.pop();
  const intent = previous && ctx.trees.byId.get(previous.intent);
  const question = intent?.questions[previous!.node];
  if (!intent || !question) return { text: MESSAGES.noPrevious };
  delete state.answers[question.id];
  state.pending = undefined;
  state.at = { intent: intent.id, node: question.id };
  return askQuestion(question);
}

function resetPosition(state: ConversationState) {
  state.at = undefined;
  state.pending = undefined;
}

export type { Candidate };
