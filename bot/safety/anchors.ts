import type { Slot } from './pattern';
import { detectorWords } from './words';

// What a message may hold, found from its words alone: its words and the slots they fill
// (each piece of text between spaces read once for all messages), and the
// signals whose anchor is among them. A signal's anchor is its least common slot: a signal
// whose anchor is not in the message cannot occur, so the detector tries only the others and
// its work per message follows the message's words, not the size of the vocabulary.

/** A word beginning is looked up by its first letters (MIN_PREFIX at least, see pattern.ts). */
export const PREFIX_KEY = 3;

export interface SlotIndex {
  /** slot ids by word */
  exact: Map<string, number[]>;
  /** word beginnings by their first PREFIX_KEY letters */
  prefixes: Map<string, { prefix: string; slot: number }[]>;
  /** pieces of messages already read (see readMessage) */
  known: Map<string, Piece>;
}

/** A piece of a message between two spaces: its words and the slots each fills. */
interface Piece {
  words: string[];
  slots: number[][];
}

/** A signal as anchors.ts sees it: the list it belongs to, and its place among all signals (the order they are tried in). */
export interface Anchorable<S> {
  parts: number[][];
  home: S[];
  rank: number;
}

/** How common a slot's words are likely to be in a message: short words (« me », « il ») and beginnings are. */
export const commonness = (slot: Slot): number => slot.words.reduce((sum, word) => sum + (word.length <= 3 ? 8 : 1), 0) + slot.prefixes.length * 4;

/** Every signal under its anchor, in the order given. */
export function anchor<S extends Anchorable<S>>(signals: S[], commonnessOf: number[]): Map<number, S[]> {
  const anchored = new Map<number, S[]>();
  for (const signal of signals) {
    const slot = signal.parts.flat().reduce((best, slot) => (commonnessOf[slot] < commonnessOf[best] ? slot : best));
    anchored.set(slot, [...(anchored.get(slot) ?? []), signal]);
  }
  return anchored;
}

/**
 * The message's words as the detector compares them (see words.ts), and where each slot occurs
 * in them: slot id -> word positions, in order. A space always separates words, so each piece
 * between spaces is read once, then found again (most are common words).
 */
export function readMessage(index: SlotIndex, text: string): { words: string[]; positions: Map<number, number[]> } {
  const words: string[] = [];
  const positions = new Map<number, number[]>();
  for (const written of text.split(' ')) {
    const piece = pieceOf(index, written);
    for (let k = 0; k < piece.words.length; k++) {
      const at = words.length;
      words.push(piece.words[k]);
      for (const slot of piece.slots[k]) {
        const list = positions.get(slot);
        if (!list) positions.set(slot, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
      }
    }
  }
  return { words, positions };
}

/**
 * Pieces kept: a bounded number of short ones with no digit, so that the cache holds everyday
 * words and no number people typed (phone, file, card). Short also because V8 copies a piece
 * under 13 characters, while a longer one is a view that would keep the whole message alive.
 */
const MAX_KNOWN_PIECES = 5_000;
const KEPT_PIECE = /^\D{1,12}$/;

function pieceOf(index: SlotIndex, written: string): Piece {
  let piece = index.known.get(written);
  if (piece) return piece;
  const words = detectorWords(written);
  piece = { words, slots: words.map((word) => slotsOf(index, word)) };
  if (index.known.size < MAX_KNOWN_PIECES && KEPT_PIECE.test(written)) index.known.set(written, piece);
  return piece;
}

/** The slots a word fills, as a word or as a word beginning. */
function slotsOf(index: SlotIndex, word: string): number[] {
  const slots = [...(index.exact.get(word) ?? [])];
  if (word.length >= PREFIX_KEY) {
    for (const { prefix, slot } of index.prefixes.get(word.slice(0, PREFIX_KEY)) ?? []) if (word.startsWith(prefix)) slots.push(slot);
  }
  return slots;
}

/** The signals whose anchor occurs, by list: `live(list)` is the part of that list that may occur, in its order. */
export function liveSignals<S extends Anchorable<S>>(anchored: Map<number, S[]>, positions: Map<number, number[]>): (list: S[]) => S[] {
  const live = new Map<S[], S[]>();
  for (const slot of positions.keys()) {
    for (const signal of anchored.get(slot) ?? []) {
      const list = live.get(signal.home);
      if (list) list.push(signal);
      else live.set(signal.home, [signal]);
    }
  }
  for (const list of live.values()) list.sort((a, b) => a.rank - b.rank);
  return (list) => live.get(list) ?? [];
}
