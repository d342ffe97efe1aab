import { SegmentedMessage } from 'sms-segments-calculator';
import unicodeToGsm from 'sms-segments-calculator/dist/libs/UnicodeToGSM';
import smartEncoding from 'sms-segments-calculator/dist/libs/SmartEncodingMap';

// One character outside GSM-7 turns the whole SMS into UCS-2 (70 characters a segment
// instead of 160), so SMS text is transliterated before it is sent.

/** Letters whose accent-stripped form is not one letter. */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE' };

const isGsm = (char: string) => unicodeToGsm[char.codePointAt(0)!] !== undefined;

function transliterateChar(char: string): string {
  if (isGsm(char)) return char;
  const smart = smartEncoding[char];
  if (smart !== undefined) return smart;
  if (LIGATURES[char]) return LIGATURES[char];
  const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
  if (base && [...base].every(isGsm)) return base;
  if (/\s/u.test(char)) return ' ';
  return '?';
}

/** Keeps every GSM-7 character (é, è, à, ù, É, Ç...) and replaces the others by their nearest GSM-7 form. */
export function toGsm7(text: string): string {
  return [...text].map(transliterateChar).join('');
}

const SINGLE = 160;
const PART = 153;

/**
 * Segments of a text already in GSM-7 (see toGsm7): extension characters (€ [ ] { } ...)
 * take two septets and an escape pair is never split across parts. Counted here because
 * the renderer asks many times per reply; tests check it against sms-segments-calculator.
 */
export function gsm7Segments(text: string): number {
  const septets = [...text].map((char) => unicodeToGsm[char.codePointAt(0)!]?.length ?? 1);
  if (septets.reduce((sum, n) => sum + n, 0) <= SINGLE) return 1;
  let segments = 1;
  let used = 0;
  for (const n of septets) {
    if (used + n > PART) {
      segments += 1;
      used = 0;
    }
    used += n;
  }
  return segments;
}

/** Encoding and segments as Twilio counts them (sms-segments-calculator): the reference. */
export function smsSegments(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number } {
  const message = new SegmentedMessage(text, 'auto', false);
  return { encoding: message.encodingName, segments: message.segmentsCount };
}
