import type { OfficeName } from '../../knowledge/types';
import { buildMatcher, type Matcher } from '../nlu/matcher';
import type { Trees } from '../trees/types';
import { analyzerFor } from './analyze';
import type { LanguagePack } from './pack';
import { eldModel } from './detect';

// What a turn in another language runs on: that language's trees (the French needs,
// translated) and a matcher of that language's phrases, built once per set of trees.

export interface LanguageContext {
  pack: LanguagePack;
  trees: Trees;
  matcher: Matcher;
}

const built = new WeakMap<Trees, Map<string, LanguageContext>>();

/** The languages of a set of trees, with their matchers (the registry builds them at load time, never on a turn). */
export function languageContexts(trees: Trees, officeNames: OfficeName[] = []): Map<string, LanguageContext> {
  let contexts = built.get(trees);
  if (!contexts) {
    contexts = new Map();
    for (const [code, { pack, trees: local, translated }] of trees.languages ?? []) {
      const matched = local.intents.filter((intent) => translated.has(intent.id));
      contexts.set(code, { pack, trees: local, matcher: buildMatcher(matched, { officeNames, analyze: analyzerFor(code) }) });
    }
    built.set(trees, contexts);
    // the detector's model too, at load time rather than on a person's first message
    if (contexts.size > 0) eldModel();
  }
  return contexts;
}
