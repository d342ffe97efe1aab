import { normalize } from './normalize';

// Where a message tells more than one thing: « j'ai perdu mon permis et aussi ma carte vitale ».
// A clause ends at a sentence mark, a comma (Chinese and Arabic ones too: « 。 », « ， », « ، ») or a word that adds a second thing; each clause
// can then be read on its own to find a second need.

const CLAUSE_BREAK =
  /[.;!?\n,。，！？；؟،؛]+|\s(?:et aussi|et puis|et en plus|et de plus|et egalement|et également|mais aussi|ainsi que|en plus|de plus|egalement|également|puis|et)\s/i;

/** The clauses of a message, as written, in order; only those with some words. */
export function clausesOf(text: string): string[] {
  return text
    .split(new RegExp(CLAUSE_BREAK, 'gi'))
    .map((c) => c.trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
}

// What a person writes when asking for something, rather than telling what happened.
const ASKING =
  /\b(je voudrais|je voudrai|j aimerais|je veux|je souhaite|je cherche|j ai besoin|comment|que faire|quoi faire|que dois je|dois je|puis je|est ce que|aidez moi|pouvez vous)\b/;

/** The clause asks for something (« je voudrais sa réversion », « comment faire ? »). */
export function asks(clause: string): boolean {
  return ASKING.test(normalize(clause));
}
