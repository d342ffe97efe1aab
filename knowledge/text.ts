import { foldText as foldWords } from '../bot/nlu/normalize';

/**
 * Folds a place name as people type it into one comparable form: the bot's folding (lower
 * case, no accents, words separated by single spaces), with "st"/"ste" spelled out
 * ("St-Étienne" and "saint etienne" both become "saint etienne").
 */
export function foldText(text: string): string {
  return foldWords(text).replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');
}
