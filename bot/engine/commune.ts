import type { Commune } from '../../knowledge/types';
import { cityOfArrondissement } from '../../knowledge/communes/arrondissements';
import type { Intent, TreeOutcome } from '../trees/types';
import type { ConversationState } from '../state/types';
import type { Reply } from '../types';
import { foldText } from '../../knowledge/text';
import { recognizeChoice } from './answer';
import type { Command } from './commands';
import { finish } from './flow';
import { talkBeforeQuestion, type SmallTalk } from './small-talk';
import { choiceOf, type EngineContext, option, type Turn } from './turn';

// The commune question: asked only when the office depends on it; a name, a postal code,
// one of several homonyms, or PASSER ("je sais pas", "je préfère pas dire": no commune).
// "merci" or "bonjour" are no communes (Mercy, Boncourt...). Paris, Lyon or Marseille as a
// whole: the arrondissement too, when the offices differ by arrondissement.

type CommunePending = Extract<NonNullable<ConversationState['pending']>, { kind: 'commune' }>;

/** The answer to "Dans quelle commune ?", or undefined when the message is rather a new need. */
export function continueCommune(
  turn: Turn,
  pending: CommunePending,
  text: string,
  command: Command | undefined,
  talk: SmallTalk | undefined,
  isNewNeed: () => boolean,
): Reply[] | undefined {
  const { ctx } = turn;
  const intent = ctx.trees.byId.get(pending.intent);
  const outcome = intent?.outcomes[pending.outcome];
  if (!intent || !outcome) return undefined;
  const city = pending.city ? communeByCode(ctx, pending.city) : undefined;
  if (command === 'skip' || talk === 'dontKnow' || talk === 'ratherNotSay' || talk === 'done') {
    if (city) return finish(turn, intent, outcome, city, { arrondissementAsked: true });
    return [{ text: ctx.say.withoutCommune }, ...finish(turn, intent, outcome, undefined)];
  }
  if (city) return answerArrondissement(turn, text, city, intent, outcome);
  const options = pending.candidates;
  if (options) {
    const picked = recognizeChoice(
      text,
      options.map((code) => choiceOf(communeLabelFor(ctx, code))),
    );
    if (picked !== undefined) return finish(turn, intent, outcome, communeByCode(ctx, options[picked]));
  }
  if (talk === 'somethingElse') return undefined;
  if (talk) return [{ text: talk === 'confused' ? ctx.say.communeHelp : talkBeforeQuestion(ctx.say, talk) }, { text: ctx.say.askCommune }];
  const resolved = ctx.knowledge.resolveCommune(text);
  // A misspelt name ("lile") is taken unless the message is rather a new need.
  if (resolved.status === 'found' && (namesCommune(text, resolved.commune) || !isNewNeed())) return finish(turn, intent, outcome, resolved.commune);
  if (isNewNeed()) return undefined;
  if (resolved.status === 'ambiguous') return askWhichCommune(ctx.say, turn.state, pending.intent, pending.outcome, resolved.candidates, /\d/.test(text));
  return [{ text: ctx.say.communeUnknown }];
}

/** Paris, Lyon or Marseille as a whole, where the offices differ by arrondissement: which one? */
export function askArrondissement(turn: Turn, intent: Intent, outcome: TreeOutcome, city: Commune): Reply[] {
  turn.state.at = undefined;
  turn.state.commune = city.code;
  turn.state.pending = { kind: 'commune', intent: intent.id, outcome: outcome.id, city: city.code };
  turn.trace.node = 'arrondissement';
  return [{ text: turn.ctx.say.askArrondissement(city.name) }];
}

/** "11", "11e" or "Paris 11" after the bot asked which arrondissement of `city`; PASSER keeps the city. */
function answerArrondissement(turn: Turn, text: string, city: Commune, intent: Intent, outcome: TreeOutcome): Reply[] {
  for (const attempt of [text, `${city.name} ${text}`]) {
    const resolved = turn.ctx.knowledge.resolveCommune(attempt);
    if (resolved.status === 'found' && cityOfArrondissement(resolved.commune.code) === city.code) {
      return finish(turn, intent, outcome, resolved.commune, { arrondissementAsked: true });
    }
  }
  return [{ text: turn.ctx.say.arrondissementUnknown(city.name) }];
}

function askWhichCommune(
  say: Turn['ctx']['say'],
  state: ConversationState,
  intent: string,
  outcome: string,
  candidates: Commune[],
  byPostalCode: boolean,
): Reply[] {
  const shown = candidates.slice(0, 9);
  state.pending = { kind: 'commune', intent, outcome, candidates: shown.map((c) => c.code) };
  return [{ text: byPostalCode ? say.communeWhichPostal : say.communeWhich, choices: shown.map((c) => option(communeLabel(c))) }];
}

/** The text names this commune or gives one of its postal codes, not just something close to it. */
const namesCommune = (text: string, commune: Commune) => {
  const folded = ` ${foldText(text)} `;
  return folded.includes(` ${foldText(commune.name)} `) || commune.postalCodes.some((code) => folded.includes(` ${code} `));
};

/** The commune an answer is, written out ("Lyon", "69003"), never a guess from a misspelling. */
export function communeNamed(ctx: EngineContext, text: string): Commune | undefined {
  const resolved = ctx.knowledge.resolveCommune(text);
  return resolved.status === 'found' && namesCommune(text, resolved.commune) ? resolved.commune : undefined;
}

const communeLabel = (c: Commune) => `${c.name} (${c.departement})`;

export const communeByCode = (ctx: EngineContext, code: string) => {
  const found = ctx.knowledge.resolveCommune(code);
  return found.status === 'found' ? found.commune : undefined;
};

const communeLabelFor = (ctx: EngineContext, code: string) => {
  const commune = communeByCode(ctx, code);
  return commune ? communeLabel(commune) : code;
};
