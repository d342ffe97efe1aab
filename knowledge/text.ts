/**
 * Folds what people type into one comparable form: lower case, no accents, words
 * separated by single spaces, and the common abbreviations spelled out
 * ("St-Étienne" and "saint etienne" both become "saint etienne").
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint');
}
