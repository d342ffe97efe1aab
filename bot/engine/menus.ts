import type { ConversationState } from '../state/types';
import type { Intent, Theme, TreeQuestion, Trees } from '../trees/types';
import type { Reply } from '../types';
import type { Messages } from '../messages';
import { type EngineContext, option, resetPosition, type TurnContext } from './turn';

// The lists the engine offers: a question's answers, the themes, a theme's needs, the
// needs a message may mean, and RETOUR to the question before.

export function askQuestion(question: TreeQuestion): Reply {
  return { text: question.text, choices: question.choices.map((c) => option(c.label)) };
}

/** "Laquelle ?" between needs too close to tell apart, or "Voulez-vous parler de…" after a message not understood. */
export function disambiguation(say: Messages, state: ConversationState, intents: Intent[], suggested = false): Reply {
  state.pending = { kind: 'disambiguate', intents: intents.map((i) => i.id), ...(suggested ? { suggested } : {}) };
  return { text: suggested ? say.suggest : say.disambiguate, choices: [...intents.map((i) => option(i.title)), option(say.somethingElse)] };
}

export function themeMenu(state: ConversationState, ctx: TurnContext): Reply {
  resetPosition(state);
  state.pending = { kind: 'menu' };
  return { text: ctx.say.menu, choices: menuThemes(ctx).map((t) => option(t.title)) };
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

export const menuIntents = (ctx: EngineContext, theme: string): Intent[] => menus(ctx.trees).intents.get(theme) ?? [];
export const menuThemes = (ctx: EngineContext): Theme[] => menus(ctx.trees).themes;

export function intentMenu(state: ConversationState, ctx: TurnContext, themeId: string): Reply {
  const theme = ctx.trees.themes.find((t) => t.id === themeId);
  state.pending = { kind: 'theme', theme: themeId };
  return { text: ctx.say.themeMenu(theme?.title ?? themeId), choices: menuIntents(ctx, themeId).map((i) => option(i.title)) };
}

export function goBack(state: ConversationState, ctx: TurnContext): Reply {
  const previous = state.trail.pop();
  const intent = previous && ctx.trees.byId.get(previous.intent);
  const question = intent?.questions[previous!.node];
  if (!intent || !question) return { text: ctx.say.noPrevious };
  delete state.answers[question.id];
  state.pending = undefined;
  state.at = { intent: intent.id, node: question.id };
  return askQuestion(question);
}
