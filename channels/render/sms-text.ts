import { gsm7Segments, toGsm7 } from './gsm7';

// The SMS a text becomes: GSM-7 when every character has a GSM-7 form (French, English,
// Spanish... transliterated: 160 characters a segment, 153 when joined), else UCS-2, as
// Arabic, Cyrillic or Chinese must be sent (70 characters a segment, 67 when joined).

const UCS2_SINGLE = 70;
const UCS2_PART = 67;

/**
 * Every letter has a GSM-7 form: transliterating loses no letter. A sign without one (« ° »,
 * an emoji) becomes « ? » as before, rather than turning a French reply into UCS-2.
 */
const fitsGsm7 = (text: string): boolean => [...text].every((char) => !/\p{L}/u.test(char) || toGsm7(char) !== '?');

/** Segments of a UCS-2 SMS, counted in UTF-16 units as carriers do; a character is never split. */
function ucs2Segments(text: string): number {
  if (text.length <= UCS2_SINGLE) return 1;
  let segments = 1;
  let used = 0;
  for (const char of text) {
    if (used + char.length > UCS2_PART) {
      segments += 1;
      used = 0;
    }
    used += char.length;
  }
  return segments;
}

/** The text as the SMS carries it: transliterated to GSM-7 when it can be, as written otherwise. */
export const smsText = (text: string): string => (fitsGsm7(text) ? toGsm7(text) : text);

/** Segments the text takes once sent (smsText). */
export const smsSegmentCount = (text: string): number => (fitsGsm7(text) ? gsm7Segments(toGsm7(text)) : ucs2Segments(text));
