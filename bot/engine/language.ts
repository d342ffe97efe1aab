import { MESSAGES } from '../messages';
import { languageContexts } from '../lang/context';
import { detectLanguage } from '../lang/detect';
import type { ConversationState } from '../state/types';
import type { EngineContext, TurnContext } from './turn';

// The language of this turn: the message's own when it can be told, else the one the
// conversation is in (French by default). A message the bot does not read gets the fixed
// sentence of its language (dialogs/lang/unsupported.yaml), without changing the conversation.

export interface TurnLanguage {
  ctx: TurnContext;
  /** the language the message is written in, as far as it can be told (the conversation's when unsure) */
  written: string;
  /** the message is in a language the bot does not read: what to answer, in that language */
  unsupported?: { lang: string; text: string; dir: 'ltr' | 'rtl' };
}

const french = (ctx: EngineContext): TurnContext => ({ ...ctx, lang: 'fr', say: MESSAGES });

export function turnLanguage(state: ConversationState, text: string, ctx: EngineContext): TurnLanguage {
  const languages = languageContexts(ctx.trees);
  // trees with no other language (tests' fixtures): nothing to detect
  if (languages.codes.length === 0 && !ctx.trees.unsupported?.size) return { ctx: french(ctx), written: 'fr' };
  const detected = detectLanguage(text, languages.codes, state.lang);
  const lang = detected?.lang ?? state.lang ?? 'fr';
  if (lang !== 'fr' && !languages.codes.includes(lang)) {
    const sentence = ctx.trees.unsupported?.get(lang);
    return { ctx: inLanguage(ctx, state.lang), written: lang, ...(sentence ? { unsupported: { lang, ...sentence } } : {}) };
  }
  if (lang === 'fr') delete state.lang;
  else state.lang = lang;
  return { ctx: inLanguage(ctx, state.lang), written: lang };
}

/** The context of a turn in a language the bot reads; French for undefined or an unknown code. */
export function inLanguage(ctx: EngineContext, lang: string | undefined): TurnContext {
  const local = lang ? languageContexts(ctx.trees).get(lang) : undefined;
  if (!local) return french(ctx);
  return { ...ctx, trees: local.trees, matcher: local.matcher, lang: local.pack.code, say: local.pack.messages, pack: local.pack };
}
