// The one text folding: what people type and what the data says, compared in one form.

const ACCENTS = /[\u0300-\u036f]/g;

/** Lowercase, no accents, ligatures spelled out, apostrophes and punctuation as spaces. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(ACCENTS, '')
    .replace(/[^a-z0-9]+/g, ' ')
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
