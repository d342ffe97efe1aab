import type { Knowledge } from '../../knowledge/types';
import { indexIntents, type MatcherIndex } from '../nlu/matcher-index';
import { matcherFrom, type Matcher } from '../nlu/matcher';
import { restoreDetector } from '../safety/detector';
import { compileDetector, packDetector, type PackedDetector } from '../safety/compile';
import { languageContexts, languageIndexes } from '../lang/context';
import { isLanguageSource, loadLanguages } from '../lang/languages';
import { readYamlFile, type ParsedYaml } from '../lang/yaml-file';
import type { TreeSource } from './files';
import { loadTreeSources, type TreeProblem } from './loader';
import type { Intent, Signal, Theme, Trees } from './types';

// Trees as they leave parsing, validation and indexing, in plain data (arrays, objects,
// strings and numbers): what the compiled snapshot on disk holds (bot/trees/compiled-cache.ts)
// and what a worker thread can post to the main thread. Unpacking reads no YAML, checks
// nothing and analyses no phrase: it only rebuilds lookup tables.

/** Bumped whenever PackedTrees or MatcherIndex change shape: older snapshots are ignored. */
export const PACK_FORMAT = 8;

export interface PackedTrees {
  format: number;
  intents: Intent[];
  themes: Theme[];
  safety: { groups: [string, string[]][]; past: Signal[]; now: Signal[]; figurative: Signal[]; question: Signal[]; negations: string[] };
  /** what loading found besides errors (trees with errors are never packed) */
  problems: TreeProblem[];
  matcher: MatcherIndex;
  /** the emergency detector, compiled (compiling its signals took a third of a second) */
  detector: PackedDetector;
  /**
   * dialogs/lang/, parsed (YAML parsing was half a second of every start): each other language
   * is laid over the French needs again on its first message; their signals are already in `intents`
   */
  languageSources: ParsedYaml[];
  /** each other language's matcher index as JSON text, by code (indexing their phrases was a third of a second) */
  languageIndexes: [string, string][];
}

/** The trees in service: what each turn reads. */
export interface LoadedTrees {
  trees: Trees;
  matcher: Matcher;
}

/** Parses, checks and indexes tree texts: the whole cost of a load, without the shared state. */
export function compileTreeSources(sources: TreeSource[], knowledge: Knowledge): { packed?: PackedTrees; problems: TreeProblem[] } {
  const result = loadTreeSources(sources, knowledge);
  return { packed: result.trees && packTrees(result.trees, result.problems, languageSourcesOf(sources)), problems: result.problems };
}

/** The language files among tree texts, parsed (loading them has checked them): what unpacking lays over the needs. */
export const languageSourcesOf = (sources: TreeSource[]): ParsedYaml[] =>
  sources
    .filter((source) => isLanguageSource(source.file))
    .flatMap(({ file, text }) => readYamlFile(file, text, []) ?? [])
    .map(({ file, data }) => ({ file, data }));

/** Loaded trees and their matcher index as plain data. */
export function packTrees(trees: Trees, problems: TreeProblem[], languageSources: ParsedYaml[] = []): PackedTrees {
  const { groups, ...signals } = trees.safety;
  return {
    format: PACK_FORMAT,
    intents: trees.intents,
    themes: trees.themes,
    safety: { groups: [...groups], ...signals },
    problems,
    matcher: indexIntents(trees.intents),
    detector: packDetector(compileDetector(trees)),
    languageSources,
    languageIndexes: [...languageIndexes(trees)],
  };
}

/**
 * The trees in service from packed ones, in steps: the matcher and the emergency detector are
 * rebuilt from their indexes, each other language's needs and matcher wait for its first message. A
 * caller that answers citizens meanwhile lets them go between steps (app/trees/thread.ts).
 */
export function* unpackingSteps(packed: PackedTrees, knowledge: Knowledge): Generator<void, LoadedTrees> {
  const { intents, themes, safety } = packed;
  const trees: Trees = {
    intents,
    byId: new Map(intents.map((intent) => [intent.id, intent])),
    themes,
    safety: { ...safety, groups: new Map(safety.groups) },
    loadedAt: new Date().toISOString(),
  };
  yield;
  const { languages, unsupported } = loadLanguages(packed.languageSources, trees, knowledge, [], { addSignals: false });
  trees.languages = languages;
  trees.unsupported = unsupported;
  yield;
  // The detector now, never on a person's turn; each other language's matcher on its first message.
  restoreDetector(trees, packed.detector);
  languageContexts(trees, knowledge.officeNames(), new Map(packed.languageIndexes));
  yield;
  return { trees, matcher: matcherFrom(intents, packed.matcher, { officeNames: knowledge.officeNames() }) };
}

/** The trees in service from packed ones, at once (a start, before any request). */
export function unpackTrees(packed: PackedTrees, knowledge: Knowledge): LoadedTrees {
  const steps = unpackingSteps(packed, knowledge);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export const serializePacked = (packed: PackedTrees): string => JSON.stringify(packed);

/** Packed trees from their serialized form; undefined when written by another format. */
export function deserializePacked(text: string): PackedTrees | undefined {
  const packed = JSON.parse(text) as PackedTrees;
  return packed?.format === PACK_FORMAT ? packed : undefined;
}
