import type { Intent } from '../trees/types';
import type { Reply } from '../types';
import { MESSAGES } from '../messages';
import { choiceForCommune, recognizeChoice } from './answer';
import type { Command } from './commands';
import { communeNamed, continueCommune } from './commune';
import { advance, livesAbroad, notUnderstood, startIntent, visiting } from './flow';
import { talkBeforeQuestion, type SmallTalk } from './small-talk';
import { askQuestion, disambiguation, intentMenu, menuIntents, menuThemes } from './menus';
import { choiceOf, resetPosition, type Turn } from './turn';
import { THRESHOLDS, type Understanding } from './understand';
import { dangerQuestion, isDangerAnswer } from '../safety/ask';

/** An answer to what the bot asked last, or undefined when the message is a new need. */
export function continuePending(
  turn: Turn,
  text: string,
  command: Command | undefined,
  talk: SmallTalk | undefined,
  understanding: Understanding,
): Reply[] | undefined {
  const { state, ctx, trace } = turn;
  const isNewNeed = (currentIntent?: string) => {
    const top = understanding.candidates[0];
    return top !== undefined && top.score >= THRESHOLDS.switchTopic && top.intent.id !== currentIntent;
  };
  const pending = state.pending;

  if (pending?.kind === 'commune') return continueCommune(turn, pending, text, command, talk, isNewNeed);

  if (pending?.kind === 'danger') {
    // « Êtes-vous en danger maintenant ? » yes: the emergency's lines; no: the ordinary need, if any
    const answer = isDangerAnswer(text, ctx);
    const intent = ctx.trees.byId.get(answer === 'yes' ? pending.intent : (pending.need ?? ''));
    if (answer === 'yes' && intent) return startIntent(turn, intent, '');
    if (answer === 'no') {
      state.pending = undefined;
      return intent ? startIntent(turn, intent, '') : [{ text: ctx.say.notInDanger }];
    }
    const urgent = ctx.trees.byId.get(pending.intent);
    if (isNewNeed() || !urgent) return undefined;
    return [{ text: ctx.say.notAnAnswer }, dangerQuestion(state, urgent, ctx.trees.byId.get(pending.need ?? ''), ctx)];
  }

  if (pending?.kind === 'also') {
    // yes, its name or 1: the second need; no or 2: done; anything else is a new message
    state.pending = undefined;
    const intent = ctx.trees.byId.get(pending.intent);
    const picked =
      intent && recognizeChoice(text, [choiceOf(ctx.say.alsoYes, [MESSAGES.alsoYes]), choiceOf(ctx.say.alsoNo, [MESSAGES.alsoNo, 'non', 'c est tout'])]);
    if (intent && picked === 0) return startIntent(turn, intent, '');
    if (picked === 1) return [{ text: ctx.say.anythingElse }];
    return undefined;
  }

  if (pending?.kind === 'disambiguate') {
    const intents = pending.intents.map((id) => ctx.trees.byId.get(id)).filter((i): i is Intent => !!i);
    const choices = [
      ...intents.map((i) => choiceOf(i.title)),
      choiceOf(ctx.say.somethingElse, [MESSAGES.somethingElse, 'autre', 'aucun', 'aucune', 'rien de tout ca', 'non', 'non merci']),
    ];
    const picked = recognizeChoice(text, choices);
    if (picked === intents.length) {
      state.pending = undefined;
      return [{ text: ctx.say.rephrase }];
    }
    if (picked !== undefined) return startIntent(turn, intents[picked], '');
    // Suggestions after a message not understood: anything else is a new message, and the ladder climbs.
    if (pending.suggested) return undefined;
    return isNewNeed() ? undefined : notUnderstood(ctx.say, [{ text: ctx.say.notAnAnswer }, disambiguation(ctx.say, state, intents)]);
  }

  if (pending?.kind === 'menu') {
    const themes = menuThemes(ctx);
    const picked = recognizeChoice(
      text,
      themes.map((t) => choiceOf(t.title, [t.id])),
    );
    // Not a theme: treated as a new message, so the fallback ladder keeps climbing.
    return picked === undefined ? undefined : [intentMenu(state, ctx, themes[picked].id)];
  }

  if (pending?.kind === 'theme') {
    const intents = menuIntents(ctx, pending.theme);
    const picked = recognizeChoice(
      text,
      intents.map((i) => choiceOf(i.title)),
    );
    if (picked !== undefined) return startIntent(turn, intents[picked], '');
    return isNewNeed() ? undefined : notUnderstood(ctx.say, [{ text: ctx.say.notAnAnswer }, intentMenu(state, ctx, pending.theme)]);
  }

  if (state.at) {
    const intent = ctx.trees.byId.get(state.at.intent);
    const question = intent?.questions[state.at.node];
    if (!intent || !question) {
      resetPosition(state);
      return undefined;
    }
    // "non, j'habite à Lyon" answers "Habitez-vous à Paris ?" and gives the commune; so does "Lyon".
    // « je suis en vacances en Espagne » does not say where one lives: the question stays.
    const chosen = visiting(text, question) ? undefined : recognizeChoice(text, question.choices);
    const commune = ctx.knowledge.findCommuneInText(text) ?? (chosen === undefined ? communeNamed(ctx, text) : undefined);
    const picked =
      chosen ?? (commune ? choiceForCommune(commune.name, question.choices) : visiting(text, question) ? undefined : livesAbroad(ctx, text, question));
    if (picked !== undefined) {
      if (commune) state.commune = commune.code;
      state.answers[question.id] = question.choices[picked].label;
      state.trail.push({ intent: intent.id, node: question.id });
      return advance(turn, intent, question.choices[picked].next, '');
    }
    if (talk === 'somethingElse') {
      resetPosition(state);
      return [{ text: ctx.say.noChoiceFits }];
    }
    if (!talk && isNewNeed(intent.id)) return undefined;
    trace.node = question.id;
    if (talk) return [{ text: talkBeforeQuestion(ctx.say, talk) }, askQuestion(question)];
    return notUnderstood(ctx.say, [{ text: ctx.say.notAnAnswer }, askQuestion(question)]);
  }
  return undefined;
}
