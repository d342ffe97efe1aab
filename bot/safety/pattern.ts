import { spelledOut } from '../nlu/normalize';

// The small language emergency signals are written in, by agents, in dialogs/urgences.yaml
// (documented in French in dialogs/README.md, « Les signaux d'urgence »):
//   words in order, with up to MAX_GAP other words between two of them;
//   « a|b » one of these words; « mot* » any word starting so; « @nom » a word of a group;
//   « A & B » both A and B somewhere in the message, in any order (for long stories).
// Signals are folded like messages (case, accents, apostrophes, SMS spellings), so agents
// write plain French: « il m'a frappée » is the words « il m a frappee ».

/** Words a message may hold between two words of a signal (« il m'a VRAIMENT frappée »). */
export const MAX_GAP = 3;

/**
 * The words the detector compares, in signals and messages alike: folded words, and every
 * Han character a word of its own. Chinese is written without spaces (« 我老公在打我 » is one
 * « word » for spaces), and a dictionary segmenter cuts the same phrase differently from one
 * sentence to the next: single characters in order, at most MAX_GAP apart, are stable.
 */
export function signalWords(text: string): string[] {
  return spelledOut(text).flatMap(hanSplit);
}

/** A word with its Han characters apart (see signalWords). */
export const hanSplit = (word: string): string[] => (HAN.test(word) ? (word.match(HAN_OR_RUN) ?? []) : [word]);

const HAN = /\p{Script=Han}/u;
const HAN_OR_RUN = /\p{Script=Han}|[^\p{Script=Han}]+/gu;

/** Shortest beginning a « mot* » may have: shorter ones would match too many words. */
export const MIN_PREFIX = 3;

/** One position of a signal: any of these words, or any word with one of these beginnings. */
export interface Slot {
  words: string[];
  prefixes: string[];
  /** « @nom »: the words of these groups too, filled in when the groups are known */
  groups: string[];
}

/** A signal: parts that must all occur, each a sequence of slots. */
export type ParsedSignal = { parts: Slot[][]; error?: undefined } | { parts?: undefined; error: string };

const GROUP = /^@([a-z0-9_]+)$/;

/** A signal's text as slots, or what is wrong with it, in French for the agent who wrote it. */
export function parseSignal(text: string): ParsedSignal {
  const parts: Slot[][] = [];
  for (const written of text.split('&')) {
    const part = parsePart(written);
    if (typeof part === 'string') return { error: part };
    parts.push(part);
  }
  return { parts };
}

function parsePart(text: string): Slot[] | string {
  const slots: Slot[] = [];
  for (const piece of text.trim().split(/\s+/).filter(Boolean)) {
    const alternatives = piece.split('|');
    if (alternatives.length === 1 && !piece.startsWith('@')) {
      const expanded = parseWord(piece);
      if (typeof expanded === 'string') return expanded;
      slots.push(...expanded);
      continue;
    }
    const slot: Slot = { words: [], prefixes: [], groups: [] };
    for (const alternative of alternatives) {
      if (alternative.startsWith('@')) {
        const group = GROUP.exec(alternative);
        if (!group) return `« ${alternative} » : un nom de groupe s'écrit en minuscules, sans accent (ex. « @conjoint »).`;
        slot.groups.push(group[1]);
        continue;
      }
      const parsed = parseWord(alternative);
      if (typeof parsed === 'string') return parsed;
      if (parsed.length !== 1) return `« ${piece} » : chaque choix entre deux « | » doit être un seul mot (« ${alternative} » en fait plusieurs).`;
      slot.words.push(...parsed[0].words);
      slot.prefixes.push(...parsed[0].prefixes);
    }
    slots.push(slot);
  }
  if (slots.length === 0) return 'une partie du signal est vide (avant ou après « & »).';
  return slots;
}

/** One word of a signal (or of a group): folded, and a word beginning when it ends with « * ». */
export function parseWord(written: string): Slot[] | string {
  const isPrefix = written.endsWith('*');
  const bare = isPrefix ? written.slice(0, -1) : written;
  if (bare.includes('*')) return `« ${written} » : l'étoile ne peut être qu'à la fin d'un mot.`;
  const words = signalWords(bare);
  if (words.length === 0) return `« ${written} » ne contient aucune lettre ni chiffre.`;
  if (!isPrefix) return words.map((word) => ({ words: [word], prefixes: [], groups: [] }));
  const last = words[words.length - 1];
  if (last.length < MIN_PREFIX) return `« ${written} » : avant l'étoile, il faut au moins ${MIN_PREFIX} lettres, sinon trop de mots commencent ainsi.`;
  return [...words.slice(0, -1).map((word) => ({ words: [word], prefixes: [], groups: [] })), { words: [], prefixes: [last], groups: [] }];
}
