// How far a typed word may be from a known one and still be taken for it. One edit distance
// (fastest-levenshtein) and every tolerance rule of the bot, side by side, so that they are
// tuned together: each rule is as strict as the harm a wrong guess does where it is used.
import { distance } from 'fastest-levenshtein';

/** Insertions, deletions and substitutions between two folded strings. */
export const editDistance = distance;

/**
 * Beyond this many letters a typed "word" is not looked up with typos: no French word is that
 * long, and fuzzy search costs grow with the length (a 16 KB word blocked the process seconds).
 */
export const MAX_TYPO_WORD_LENGTH = 40;

/** A word of a message against the trees' vocabulary: short words must be exact. */
export const typosInWord = (word: string): number => (word.length <= 4 ? 0 : word.length <= 8 ? 1 : 2);

/** A commune name: longer names carry more typos ("marsielle", "villeneuve d'asq"). */
export const typosInPlaceName = (name: string): number => (name.length <= 4 ? 0 : name.length <= 7 ? 1 : name.length <= 12 ? 2 : 3);

/** A choice label typed as an answer: one typo every four letters. */
export const typosInChoice = (phrase: string): number => Math.floor(phrase.length / 4);

/** A misspelled field name in an agent's YAML, to suggest the right one: generous, it only advises. */
export const typosInFieldName = (word: string): number => Math.max(2, Math.floor(word.length / 3));
