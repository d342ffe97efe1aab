// The one text folding: what people type and what the data says, compared in one form.

// Marks of every script: Latin accents, Arabic short vowels and shadda... Letters of every
// script are kept, so that a message in Arabic or Russian is words too, not nothing.
const MARKS = /\p{M}+/gu;

// Arabic script letters people type for one another (hamza seats go with the marks above):
// tāʾ marbūṭa as hāʾ, alif maqṣūra as yāʾ, and the Persian keyboard's yeh and kaf as the Arabic
// keyboard's, so that one phrase matches whichever keyboard wrote it. Tatweel only stretches.
const ARABIC_LETTERS: Record<string, string> = { ة: 'ه', ى: 'ي', ی: 'ي', ک: 'ك', ـ: '' };
const ARABIC_VARIANTS = /[ةىیکـ]/g;

/** Lowercase, no accents, ligatures spelled out, apostrophes and punctuation as spaces. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(ARABIC_VARIANTS, (letter) => ARABIC_LETTERS[letter])
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
