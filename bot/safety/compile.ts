import type { Intent, Signal, Trees } from '../trees/types';
import { parseSignal, parseWord, type Slot } from './pattern';
import { anchor, commonness, PREFIX_KEY, type SlotIndex } from './anchors';
import { detectorWords, single } from './words';

// The emergency detector's compiled form (see detector.ts): the signals of a set of trees
// parsed into slots and indexed, built once where the trees are compiled (the worker thread,
// the compiled snapshot) and kept as plain data, so that a start or a reload only rebuilds its
// maps instead of parsing every signal again.

export interface CompiledSignal {
  source: Signal;
  /** parts that must all occur; each part: slot ids, in order */
  parts: number[][];
  /** the list it belongs to, and its place among all signals (see anchors.ts) */
  home: CompiledSignal[];
  rank: number;
}

export interface Compiled extends SlotIndex {
  /** every signal under its anchor (see anchors.ts) */
  anchored: Map<number, CompiledSignal[]>;
  urgent: { intent: Intent; sure: CompiledSignal[]; unsure: CompiledSignal[]; not: CompiledSignal[] }[];
  past: CompiledSignal[];
  now: CompiledSignal[];
  figurative: CompiledSignal[];
  question: CompiledSignal[];
  negations: Negations;
  /** slots made only of determiners (« ma », « le »): the next word of the signal follows them closely */
  tight: Set<number>;
  /** slots of the urgent needs' own signals: a message with none of them is no emergency, whatever else it says */
  alarming: Set<number>;
}

/**
 * Spaced languages: a negation word anywhere just before or inside the signal (« je ne suis PAS
 * en danger »). Chinese: a negation (« 不 », « 没有 », « 不会 ») right before one of the
 * signal's characters, since that is where Chinese puts it (« 老公不打我 »); anywhere in the
 * span would also silence « 老公不开心就打我 » (when he is unhappy he hits me) or « 不停打我 ».
 */
export interface Negations {
  words: Set<string>;
  /** Han negations, their characters joined */
  han: Set<string>;
  longestHan: number;
}

/**
 * A determiner belongs to the noun right after it, perhaps one adjective further (« ma propre
 * mort »): in « ma peur de la mort », « ma » is not « ma mort ». Folded forms (« l » for « l' »).
 */
const DETERMINERS = new Set('le la les l un une des du au aux ma mon mes ta ton tes sa son ses notre nos votre vos leur leurs ce cet cette ces'.split(' '));
const HAN = /^\p{Script=Han}$/u;

/** Every signal of the trees parsed into slots, and the slots indexed by word and by anchor. */
export function compileDetector(trees: Trees): Compiled {
  const compiled: Compiled = {
    exact: new Map(),
    prefixes: new Map(),
    anchored: new Map(),
    known: new Map(),
    urgent: [],
    past: [],
    now: [],
    figurative: [],
    question: [],
    negations: { words: new Set(), han: new Set(), longestHan: 0 },
    tight: new Set(),
    alarming: new Set(),
  };
  const commonnessOf: number[] = [];
  const slotIds = new Map<string, number>();
  /** a slot with the words of its groups spelled out */
  const withGroups = (written: Slot): Slot => {
    const slot: Slot = { words: [...written.words], prefixes: [...written.prefixes], groups: [] };
    for (const word of written.groups.flatMap((name) => trees.safety.groups.get(name) ?? [])) {
      const parsed = parseWord(word);
      if (typeof parsed !== 'string' && parsed.length === 1) {
        slot.words.push(...parsed[0].words);
        slot.prefixes.push(...parsed[0].prefixes);
      }
    }
    return slot;
  };
  const slotId = (written: Slot): number => {
    const slot = withGroups(written);
    const key = `${[...slot.words].sort().join('|')}/${[...slot.prefixes].sort().join('|')}`;
    let id = slotIds.get(key);
    if (id === undefined) {
      id = slotIds.size;
      slotIds.set(key, id);
      if (slot.prefixes.length === 0 && slot.words.every((word) => DETERMINERS.has(word))) compiled.tight.add(id);
      for (const word of slot.words.map(single)) compiled.exact.set(word, [...(compiled.exact.get(word) ?? []), id]);
      for (const prefix of slot.prefixes.map(single)) {
        const bucket = prefix.slice(0, PREFIX_KEY);
        compiled.prefixes.set(bucket, [...(compiled.prefixes.get(bucket) ?? []), { prefix, slot: id }]);
      }
      commonnessOf[id] = commonness(slot);
    }
    return id;
  };
  let rank = 0;
  const compileAll = (signals: Signal[]): CompiledSignal[] => {
    const home: CompiledSignal[] = [];
    for (const source of signals) {
      const parsed = parseSignal(source.text);
      if (parsed.parts) home.push({ source, parts: parsed.parts.map((part) => part.map(slotId)), home, rank: rank++ });
    }
    return home;
  };
  for (const intent of trees.intents.filter((i) => i.urgent)) {
    compiled.urgent.push({ intent, sure: compileAll(intent.signals), unsure: compileAll(intent.unsureSignals), not: compileAll(intent.notSignals) });
  }
  for (const { sure, unsure } of compiled.urgent)
    for (const signal of [...sure, ...unsure]) for (const slot of signal.parts.flat()) compiled.alarming.add(slot);
  compiled.past = compileAll(trees.safety.past);
  compiled.now = compileAll(trees.safety.now);
  compiled.figurative = compileAll(trees.safety.figurative);
  compiled.question = compileAll(trees.safety.question);
  for (const negation of trees.safety.negations) {
    const words = detectorWords(negation);
    if (words.length > 0 && words.every((word) => HAN.test(word))) {
      compiled.negations.han.add(words.join(''));
      compiled.negations.longestHan = Math.max(compiled.negations.longestHan, words.length);
    } else for (const word of words) compiled.negations.words.add(word);
  }
  const all = [compiled.urgent.flatMap((u) => [...u.sure, ...u.unsure, ...u.not]), compiled.past, compiled.now, compiled.figurative, compiled.question].flat();
  compiled.anchored = anchor(all, commonnessOf);
  return compiled;
}

type PackedSignal = Pick<CompiledSignal, 'source' | 'parts' | 'rank'>;

/** The compiled detector in plain data (the snapshot's JSON, a worker's message). */
export interface PackedDetector {
  exact: [string, number[]][];
  prefixes: [string, { prefix: string; slot: number }[]][];
  urgent: { intent: string; sure: PackedSignal[]; unsure: PackedSignal[]; not: PackedSignal[] }[];
  past: PackedSignal[];
  now: PackedSignal[];
  figurative: PackedSignal[];
  question: PackedSignal[];
  negations: { words: string[]; han: string[]; longestHan: number };
  tight: number[];
  alarming: number[];
  /** each anchor slot with the ranks of its signals */
  anchored: [number, number[]][];
}

const packList = (list: CompiledSignal[]): PackedSignal[] => list.map(({ source, parts, rank }) => ({ source, parts, rank }));

export function packDetector(compiled: Compiled): PackedDetector {
  return {
    exact: [...compiled.exact],
    prefixes: [...compiled.prefixes],
    urgent: compiled.urgent.map(({ intent, sure, unsure, not }) => ({ intent: intent.id, sure: packList(sure), unsure: packList(unsure), not: packList(not) })),
    past: packList(compiled.past),
    now: packList(compiled.now),
    figurative: packList(compiled.figurative),
    question: packList(compiled.question),
    negations: { words: [...compiled.negations.words], han: [...compiled.negations.han], longestHan: compiled.negations.longestHan },
    tight: [...compiled.tight],
    alarming: [...compiled.alarming],
    anchored: [...compiled.anchored].map(([slot, signals]) => [slot, signals.map((signal) => signal.rank)]),
  };
}

/** The compiled detector of `trees` from its packed form (the urgent needs found again by id). */
export function unpackDetector(packed: PackedDetector, trees: Trees): Compiled {
  const byRank = new Map<number, CompiledSignal>();
  const unpackList = (list: PackedSignal[]): CompiledSignal[] => {
    const home: CompiledSignal[] = [];
    for (const signal of list) {
      const compiled = { ...signal, home };
      home.push(compiled);
      byRank.set(signal.rank, compiled);
    }
    return home;
  };
  const urgent = packed.urgent.flatMap(({ intent, sure, unsure, not }) => {
    const need = trees.byId.get(intent);
    return need ? [{ intent: need, sure: unpackList(sure), unsure: unpackList(unsure), not: unpackList(not) }] : [];
  });
  return {
    exact: new Map(packed.exact),
    prefixes: new Map(packed.prefixes),
    known: new Map(),
    urgent,
    past: unpackList(packed.past),
    now: unpackList(packed.now),
    figurative: unpackList(packed.figurative),
    question: unpackList(packed.question),
    negations: { words: new Set(packed.negations.words), han: new Set(packed.negations.han), longestHan: packed.negations.longestHan },
    tight: new Set(packed.tight),
    alarming: new Set(packed.alarming),
    anchored: new Map(packed.anchored.map(([slot, ranks]) => [slot, ranks.map((rank) => byRank.get(rank)!)])),
  };
}
