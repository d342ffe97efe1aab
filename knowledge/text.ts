// The one text folding: what people type and what the data says, compared in one form.

// Marks of every script: Latin accents, Arabic short vowels and shadda... Letters of every
// script are kept, so that a message in Arabic or Russian is words too, not nothing.
const MARKS = /\p{M}+/gu;

/** Lowercase, no accents, ligatures spelled out, apostrophes and punctuation as spaces. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Folds a place name as people type it into one comparable form: the text folding, with
 * "st"/"ste" spelled out ("St-Étienne" and "saint etienne" both become "saint etienne").
 */
export function foldPlaceName(text: string): string {
  return foldText(text)
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint');
}
