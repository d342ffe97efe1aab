import type { Trees } from '../trees/types';
import { MAX_GAP } from './pattern';
import { liveSignals, readMessage } from './anchors';
import { compileDetector, unpackDetector, type Compiled, type CompiledSignal, type Negations, type PackedDetector } from './compile';
import { MODEL_LANG, type SafetyModel, shippedModel, situationOf, wordClasses } from './model';
import { type Emergency, type Reading, STORY_WORDS, weigh } from './weigh';

// The emergency detector, apart from the need matcher: it runs first on every message and
// looks for situations (« il a avalé ... javel », « menace de me tuer »), written as signals
// in dialogs/urgences.yaml. Everything is compiled once per set of trees (compile.ts); the work per
// message is bounded (MAX_CHARS read, a fixed number of slots per word, one pass per signal).
// Beside the signals, a statistical model reads the whole story (model.ts, weigh.ts).

/** A message is read up to this length: the engine refuses longer ones, but still checks them for danger. */
export const MAX_CHARS = 4000;

export interface Detector {
  /** `lang`: the language the message was read in (French when not told) */
  detect(text: string, lang?: string): Emergency | undefined;
}

/** Words a message may hold between a determiner of a signal and the next word. */
const TIGHT_GAP = 1;
const NONE: Negations = { words: new Set(), han: new Set(), longestHan: 0 };

/**
 * The positions of one occurrence of the signal (each slot after the previous one, at most
 * MAX_GAP words apart), preferring one no negation touches; undefined when it does not occur.
 * Dynamic programming over slots: linear in the occurrences, whatever the message.
 */
function occurrence(slots: number[], positions: Map<number, number[]>, words: string[], negations: Negations, tight: Set<number>): number[] | undefined {
  for (const slot of slots) if (!positions.has(slot)) return undefined;
  const lists = slots.map((slot) => positions.get(slot));
  // paths[j]: for each position of slot j that ends a valid chain, the chain so far
  let paths: number[][] = lists[0]!.map((at) => [at]);
  for (let j = 1; j < lists.length && paths.length > 0; j++) {
    const next: number[][] = [];
    // paths end in increasing positions: a window slides over them, at most MAX_GAP + 1 wide
    const gap = tight.has(slots[j - 1]) ? TIGHT_GAP : MAX_GAP;
    let from = 0;
    for (const at of lists[j]!) {
      while (from < paths.length && at - paths[from][paths[from].length - 1] > gap + 1) from++;
      const before: number[][] = [];
      for (let k = from; k < paths.length && paths[k][paths[k].length - 1] < at; k++) before.push(paths[k]);
      const best = before.find((path) => !denied(path, words, negations)) ?? before[0];
      if (best) next.push([...best, at]);
    }
    paths = next;
  }
  if (paths.length === 0) return undefined;
  return paths.find((path) => !denied(path, words, negations)) ?? paths[0];
}

/** A negation before the signal or between its words (see Negations). */
function denied(path: number[], words: string[], negations: Negations): boolean {
  for (let at = Math.max(0, path[0] - 2); at < path[path.length - 1]; at++) {
    if (!path.includes(at) && negations.words.has(words[at])) return true;
  }
  return negations.han.size > 0 && path.some((at) => hanNegated(at, words, path, negations));
}

/** A Han negation ends just before the word at `at`, without taking a word of the signal. */
function hanNegated(at: number, words: string[], used: number[], negations: Negations): boolean {
  for (let from = at - 1; from >= Math.max(0, at - negations.longestHan) && !used.includes(from); from--) {
    if (negations.han.has(words.slice(from, at).join(''))) return true;
  }
  return false;
}

/** An idiom occurs at most this many times in a message (« mort de rire, mort de rire »): a bound on the work. */
const MAX_IDIOMS = 8;

/**
 * Figurative expressions (« mort de rire », « à n'en plus finir ») say nothing of a danger: their
 * words no longer count for any signal, while the rest of the message still does
 * (« mort de rire, mais mon mari me frappe »).
 */
function maskFigurative(idioms: CompiledSignal[], positions: Map<number, number[]>, words: string[], tight: Set<number>): void {
  for (const idiom of idioms) {
    for (let round = 0; round < MAX_IDIOMS; round++) {
      const paths = idiom.parts.map((part) => occurrence(part, positions, words, NONE, tight));
      if (paths.some((path) => path === undefined)) break;
      const masked = new Set(paths.flat() as number[]);
      for (const [slot, list] of positions) {
        const left = list.filter((at) => !masked.has(at));
        if (left.length > 0) positions.set(slot, left);
        else positions.delete(slot);
      }
    }
  }
}

/** Whether every part of the signal occurs in the message, negated or not. */
export function occurs(signal: CompiledSignal, positions: Map<number, number[]>, words: string[], tight: Set<number>): boolean {
  return signal.parts.every((part) => occurrence(part, positions, words, NONE, tight) !== undefined);
}

/** Where the earliest occurrence of any of these signals starts, undefined when none occurs. */
function firstStart(signals: CompiledSignal[], positions: Map<number, number[]>, words: string[], tight: Set<number>): number | undefined {
  let start: number | undefined;
  for (const signal of signals) {
    const paths = signal.parts.map((part) => occurrence(part, positions, words, NONE, tight));
    if (paths.some((path) => path === undefined)) continue;
    const at = Math.min(...paths.map((path) => path![0]));
    if (start === undefined || at < start) start = at;
  }
  return start;
}

/** What the signals say of a message (see weigh.ts). */
function readSignals(compiled: Compiled, words: string[], positions: Map<number, number[]>): Reading {
  const of = liveSignals(compiled.anchored, positions);
  const live = {
    urgent: compiled.urgent.map(({ intent, sure, unsure, not }) => ({ intent, sure: of(sure), unsure: of(unsure), not: of(not) })),
    past: of(compiled.past),
    now: of(compiled.now),
    figurative: of(compiled.figurative),
    question: of(compiled.question),
  };
  maskFigurative(live.figurative, positions, words, compiled.tight);
  if (![...positions.keys()].some((slot) => compiled.alarming.has(slot))) return undefined;
  /** Where the signal's occurrence ends, -1 when it does not occur (or a negation touches it). */
  const endOf = (signal: CompiledSignal): number => {
    let end = -1;
    for (const part of signal.parts) {
      const path = occurrence(part, positions, words, compiled.negations, compiled.tight);
      if (path === undefined || denied(path, words, compiled.negations)) return -1;
      end = Math.max(end, path[path.length - 1]);
    }
    return end;
  };
  const foundAny = (signals: CompiledSignal[]) => signals.some((s) => occurs(s, positions, words, compiled.tight));
  // A time said negated says nothing of the time: « je ne vais pas bien », « il ne s'en est pas sorti »
  // tell no outcome, and « pas ce soir » no moment.
  const stated = (signals: CompiledSignal[]) => signals.filter((s) => endOf(s) >= 0);
  const nowAt = firstStart(stated(live.now), positions, words, compiled.tight);
  const past = stated(live.past).length > 0;
  // Facts far in the past, or someone else's story, are not an emergency now, unless something says it goes on.
  if (nowAt === undefined && past) return 'past';
  // A question on a procedure or a case imagined (« comment porter plainte », « que faire si »):
  // a clear signal asks « Êtes-vous en danger maintenant ? » first, a doubtful one says nothing.
  const asking = nowAt === undefined && foundAny(live.question);
  // After a story of the past, what is said from the « now » on is the emergency (« violée il y a
  // 5 ans, aujourd'hui je veux mourir » is suicidal thoughts); anything else only if nothing is.
  const thresholds = past && nowAt! > 0 ? [nowAt!, 0] : [0];
  let ruledOut = false;
  for (const from of thresholds) {
    const found = (signal: CompiledSignal) => endOf(signal) >= from;
    let unsure: Emergency | undefined;
    for (const { intent, sure, unsure: doubtful, not } of live.urgent) {
      const hit = sure.find(found);
      const maybe = hit || unsure || asking ? undefined : doubtful.find(found);
      if (!hit && !maybe) continue;
      if (foundAny(not)) {
        ruledOut = true;
        continue;
      }
      if (hit && !asking) return { intent, sure: true, signal: hit.source.text };
      unsure ??= { intent, sure: false, signal: (hit ?? maybe)!.source.text };
    }
    if (unsure) return unsure;
  }
  if (ruledOut || live.urgent.some(({ sure, unsure }) => foundAny(sure) || foundAny(unsure))) return 'denied';
  return asking ? 'question' : undefined;
}

function buildDetector(compiled: Compiled, trees: Trees, model: SafetyModel | null): Detector {
  const urgent = new Map(trees.intents.filter((i) => i.urgent).map((i) => [i.id, i]));
  const classes = wordClasses(trees.safety.groups);
  return {
    detect(text, lang = MODEL_LANG) {
      const { words, positions } = readMessage(compiled, text.slice(0, MAX_CHARS));
      // most messages hold no word of any signal: the signals have nothing more to do
      const read = positions.size === 0 ? undefined : readSignals(compiled, words, positions);
      if (typeof read === 'object') return read;
      // the model learnt French stories: a story in another language is left to its signals
      if (!model || lang !== MODEL_LANG || words.length < STORY_WORDS) return undefined;
      return weigh(read, situationOf(model, words, classes), urgent);
    },
  };
}

const detectors = new WeakMap<Trees, Detector>();

/**
 * The detector of a set of trees, compiled on first use and kept as long as the trees, with the
 * shipped model unless another is given on that first use (cross-validation, tests).
 */
export function emergencyDetector(trees: Trees, model: SafetyModel | null = shippedModel()): Detector {
  let detector = detectors.get(trees);
  if (!detector) {
    detector = buildDetector(compileDetector(trees), trees, model);
    detectors.set(trees, detector);
  }
  return detector;
}

/** Puts the detector compiled with the trees (bot/trees/packed.ts) in service for them. */
export function restoreDetector(trees: Trees, packed: PackedDetector): void {
  detectors.set(trees, buildDetector(unpackDetector(packed, trees), trees, shippedModel()));
}

/** The emergency a message describes, if any: what every turn checks first. */
export const detectEmergency = (trees: Trees, text: string, lang?: string): Emergency | undefined => emergencyDetector(trees).detect(text, lang);
