import type { OfficeName } from '../../knowledge/types';
import { matcherFrom, type Matcher } from '../nlu/matcher';
import { indexIntents, type MatcherIndex } from '../nlu/matcher-index';
import type { Trees } from '../trees/types';
import { analyzerFor, LONG_MESSAGE_THRESHOLD } from './analyze';
import { lexiconOf } from '../nlu/lexicon';
import type { LanguagePack } from './pack';

// What a turn in another language runs on: that language's trees (the French needs,
// translated) and a matcher of that language's phrases, built once per set of trees.

export interface LanguageContext {
  pack: LanguagePack;
  trees: Trees;
  matcher: Matcher;
}

/** The other languages of a set of trees: their codes, and each one's context, built on first use. */
export interface LanguageContexts {
  codes: string[];
  get(code: string): LanguageContext | undefined;
}

const built = new WeakMap<Trees, LanguageContexts>();

/**
 * What a person writing in this language calls an office: its French name (the catalog's, in
 * `officeNames`) or the everyday name the team wrote as its gloss (« health insurance office »,
 * « tax office », « town hall »): a need leading to the office named ranks a little higher.
 */
const spokenGlosses = (pack: LanguagePack): OfficeName[] =>
  Object.entries(pack.glosses)
    .filter(([, gloss]) => gloss)
    .map(([id, gloss]) => ({ name: gloss, serviceIds: [id] }));

/** The needs a language's matcher reads: the translated ones. */
const matchedIntents = ({ trees: local, translated }: { trees: Trees; translated: Set<string> }) => local.intents.filter((intent) => translated.has(intent.id));

/**
 * Each language's matcher index, as JSON text (for the compiled snapshot): a start reads it
 * as one string and parses it on the first message in that language.
 */
export function* languageIndexes(trees: Trees): Generator<[string, string]> {
  for (const [code, language] of trees.languages ?? []) yield [code, JSON.stringify(indexIntents(matchedIntents(language), analyzerFor(code)))];
}

/**
 * The languages of a set of trees, with their matchers, from `indexes` when a compiled snapshot
 * has them. A language's matcher is built on the first message in that language (tens of
 * milliseconds): a start or a reload does not pay for the languages nobody writes in yet.
 */
export function languageContexts(trees: Trees, officeNames: OfficeName[] = [], indexes = new Map<string, string>()): LanguageContexts {
  let contexts = built.get(trees);
  if (!contexts) {
    const ready = new Map<string, LanguageContext>();
    const build = (code: string): LanguageContext | undefined => {
      const language = trees.languages?.get(code);
      if (!language) return undefined;
      const matched = matchedIntents(language);
      const analyze = analyzerFor(code);
      const packed = indexes.get(code);
      const index = packed === undefined ? indexIntents(matched, analyze) : (JSON.parse(packed) as MatcherIndex);
      const lexicon = () => lexiconOf(code);
      return {
        pack: language.pack,
        trees: language.trees,
        matcher: matcherFrom(matched, index, {
          officeNames: [...officeNames, ...spokenGlosses(language.pack)],
          analyze,
          longMessageThreshold: LONG_MESSAGE_THRESHOLD[code],
          lexicon,
        }),
      };
    };
    contexts = {
      codes: [...(trees.languages?.keys() ?? [])],
      get(code) {
        if (!ready.has(code)) {
          const context = build(code);
          if (!context) return undefined;
          ready.set(code, context);
        }
        return ready.get(code);
      },
    };
    built.set(trees, contexts);
  }
  return contexts;
}
