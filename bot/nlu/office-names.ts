import type { OfficeName } from '../../knowledge/types';
import { normalize } from './normalize';

/**
 * Finds the offices a message names (« la caf me réclame », « je suis allé à la préfecture »):
 * people often name the office they already deal with, which says which need they mean.
 * Names are compiled once into word sequences keyed by their first word, so a message costs
 * one map lookup per word.
 */
export type OfficeNameFinder = (words: string[]) => Set<string>;

export function buildOfficeNameFinder(names: OfficeName[]): OfficeNameFinder {
  const byFirstWord = new Map<string, { words: string[]; serviceIds: string[] }[]>();
  for (const { name, serviceIds } of names) {
    const words = normalize(name).split(' ').filter(Boolean);
    if (words.length === 0) continue;
    const list = byFirstWord.get(words[0]) ?? [];
    list.push({ words, serviceIds });
    byFirstWord.set(words[0], list);
  }
  return (words) => {
    const named = new Set<string>();
    words.forEach((word, start) => {
      for (const name of byFirstWord.get(word) ?? []) {
        if (name.words.every((w, k) => words[start + k] === w)) for (const id of name.serviceIds) named.add(id);
      }
    });
    return named;
  };
}
