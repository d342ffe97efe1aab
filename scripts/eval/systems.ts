import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { analyze } from '../../bot/nlu/analyze';
import type { Intent } from '../../bot/trees/types';
import { foldText } from '../../knowledge/text';

/** What a system answers for one message: needs best first, or nothing when it refuses. */
export interface SystemAnswer {
  understood: boolean;
  urgent: boolean;
  /** the services of each need, best need first */
  needs: string[][];
}

export interface System {
  name: string;
  answer(text: string): Promise<SystemAnswer>;
}

/**
 * Every phrase an intent is written with: the training data of the other systems. Urgent
 * needs have signals instead of phrases: their words, without the signal syntax.
 */
export function intentPhrases(intent: Intent): string[] {
  const signalWords = intent.signals.map((s) => s.text.replace(/@\w+/g, ' ').replace(/[|*&]/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return [intent.title, ...intent.keywords, ...intent.synonyms, ...intent.situations, ...intent.examples, ...signalWords];
}

export function intentServices(intent: Intent): string[] {
  return [...new Set(Object.values(intent.outcomes).flatMap((o) => o.services))];
}

const answerFromIntents = (intents: Intent[]): SystemAnswer => ({
  understood: intents.length > 0,
  urgent: intents[0]?.urgent ?? false,
  needs: intents.map(intentServices),
});

/**
 * nlp.js (node-nlp), French, trained on the same phrases. It answers "None" below its own
 * confidence threshold, which is how it refuses out-of-scope messages.
 */
export async function buildNlpJs(intents: Intent[]): Promise<System> {
  const { NlpManager } = await import('node-nlp');
  const manager = new NlpManager({ languages: ['fr'], forceNER: false, autoSave: false, nlu: { log: false, useNoneFeature: true } });
  const byId = new Map(intents.map((i) => [i.id, i]));
  for (const intent of intents) for (const phrase of intentPhrases(intent)) manager.addDocument('fr', phrase, intent.id);
  await manager.train();
  return {
    name: 'nlp.js (node-nlp)',
    async answer(text) {
      const result = await manager.process('fr', text);
      if (!result.intent || result.intent === 'None') return answerFromIntents([]);
      const ranked = (result.classifications ?? [])
        .filter((c) => c.intent !== 'None' && c.score > 0)
        .map((c) => byId.get(c.intent))
        .filter((i): i is Intent => i !== undefined);
      const top = byId.get(result.intent);
      const ordered = top ? [top, ...ranked.filter((i) => i !== top)] : ranked;
      return answerFromIntents(ordered.slice(0, 3));
    },
  };
}

/** Fuse.js alone over the same phrases, folded: fuzzy string search with its own cut-off. */
export function buildFuseOnly(intents: Intent[], threshold = 0.4): System {
  const items = intents.flatMap((intent) => intentPhrases(intent).map((phrase) => ({ intent, phrase: foldText(phrase) })));
  const fuse = new Fuse(items, { keys: ['phrase'], includeScore: true, ignoreLocation: true, threshold });
  return {
    name: 'fuse.js seul',
    async answer(text) {
      const ranked: Intent[] = [];
      for (const hit of fuse.search(foldText(text), { limit: 30 })) {
        if (!ranked.includes(hit.item.intent)) ranked.push(hit.item.intent);
        if (ranked.length === 3) break;
      }
      return answerFromIntents(ranked);
    },
  };
}

/**
 * BM25 (MiniSearch's BM25+), one document per need made of all its phrases, words folded and
 * stemmed like the bot's: the classic keyword-search baseline. It refuses only when no word of
 * the message is known.
 */
export function buildBm25(intents: Intent[]): System {
  const stems = (text: string) => analyze(text).terms.map((t) => t.stem);
  const search = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: stems,
    processTerm: (term) => term,
  });
  search.addAll(intents.map((intent, id) => ({ id, text: intentPhrases(intent).join(' \n ') })));
  return {
    name: 'BM25 (MiniSearch)',
    async answer(text) {
      const hits = search.search(text, { combineWith: 'OR' });
      return answerFromIntents(hits.slice(0, 3).map((hit) => intents[hit.id as number]));
    },
  };
}
