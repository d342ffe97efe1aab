import type { OfficeName } from '../../knowledge/types';
import { matcherFrom, type Matcher } from '../nlu/matcher';
import { indexIntents, type MatcherIndex } from '../nlu/matcher-index';
import type { Trees } from '../trees/types';
import { analyzerFor, LONG_MESSAGE_THRESHOLD } from './analyze';
import { lexiconOf } from '../nlu/lexicon';
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

/** The needs a language's matcher reads: the translated ones. */
const matchedIntents = ({ trees: local, translated }: { trees: Trees; translated: Set<string> }) => local.intents.filter((intent) => translated.has(intent.id));

/** Each language's matcher index, in plain data (for the compiled snapshot). */
export function* languageIndexes(trees: Trees): Generator<[string, MatcherIndex]> {
  for (const [code, language] of trees.languages ?? []) yield [code, indexIntents(matchedIntents(language), analyzerFor(code))];
}

/**
 * The languages of a set of trees, with their matchers (the registry builds them at load time,
 * never on a turn), from `indexes` when a compiled snapshot has them.
 */
export function languageContexts(trees: Trees, officeNames: OfficeName[] = [], indexes = new Map<string, MatcherIndex>()): Map<string, LanguageContext> {
  let contexts = built.get(trees);
  if (!contexts) {
    contexts = new Map();
    for (const [code, language] of trees.languages ?? []) {
      const matched = matchedIntents(language);
      const analyze = analyzerFor(code);
      const index = indexes.get(code) ?? indexIntents(matched, analyze);
      contexts.set(code, {
        pack: language.pack,
        trees: language.trees,
        matcher: matcherFrom(matched, index, { officeNames, analyze, longMessageThreshold: LONG_MESSAGE_THRESHOLD[code], lexicon: () => lexiconOf(code) }),
      });
    }
    built.set(trees, contexts);
    // the detector's model too, at load time rather than on a person's first message
    if (contexts.size > 0) eldModel();
  }
  return contexts;
}
