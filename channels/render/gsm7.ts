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

export function smsSegments(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number } {
  const message = new SegmentedMessage(text, 'auto', false);
  return { encoding: message.encodingName, segments: message.segmentsCount };
}
