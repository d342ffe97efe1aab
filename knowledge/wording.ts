import type { Source } from './types';

// How a fact's date and source, and an office's opening hours, are written for a citizen, the
// same on every channel: in French, or in the language of the conversation where the team
// wrote its words (English). The facts are the same in every language: same dates, same times.

export interface DateWords {
  /** January first */
  months: string[];
  /** Monday first */
  days: string[];
  /** the day in a date: « 1er », « 2 »… */
  dayOfMonth(day: number): string;
  /** minutes after midnight as a time of day: 510 -> « 8 h 30 » */
  time(minutes: number): string;
  source: string;
  checked: string;
  tomorrow: string;
  /** templates: {time}, {day}, {closed}, {holiday}, {from}, {to}, {days}, {times} */
  openUntil: string;
  reopensAt: string;
  opensAt: string;
  closed: string;
  closedHoliday: string;
  opensOn: string;
  hoursUnknown: string;
  dayRange: string;
  hoursLine: string;
}

const frenchTime = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
};

export const FRENCH_WORDS: DateWords = {
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  dayOfMonth: (day) => (day === 1 ? '1er' : String(day)),
  time: frenchTime,
  source: 'Source :',
  checked: 'vérifié le',
  tomorrow: 'demain',
  openUntil: "Ouvert maintenant, jusqu'à {time}",
  reopensAt: 'Fermé, rouvre à {time}',
  opensAt: 'Fermé, ouvre à {time}',
  closed: 'Fermé',
  closedHoliday: 'Fermé, jour férié ({holiday})',
  opensOn: '{closed}, ouvre {day} à {time}',
  hoursUnknown: 'Horaires non communiqués',
  dayRange: '{from} au {to}',
  hoursLine: '{days} : {times}',
};

const ENGLISH_WORDS: DateWords = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  dayOfMonth: String,
  time: (minutes) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`,
  source: 'Source:',
  checked: 'checked on',
  tomorrow: 'tomorrow',
  openUntil: 'Open now, until {time}',
  reopensAt: 'Closed, reopens at {time}',
  opensAt: 'Closed, opens at {time}',
  closed: 'Closed',
  closedHoliday: 'Closed, public holiday ({holiday})',
  opensOn: '{closed}, opens {day} at {time}',
  hoursUnknown: 'Opening hours not given',
  dayRange: '{from} to {to}',
  hoursLine: '{days}: {times}',
};

const WORDS: Partial<Record<string, DateWords>> = { fr: FRENCH_WORDS, en: ENGLISH_WORDS };

/** The words of a language, French for one the team has not written them in. */
export const dateWordsFor = (lang?: string): DateWords => (lang && WORDS[lang]) || FRENCH_WORDS;

/** A template with its {placeholders} replaced. */
export const filled = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);

/** "2026-11-29" -> "29 novembre 2026" ("29 November 2026") */
export function writtenDate(iso: string, words: DateWords = FRENCH_WORDS): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${words.dayOfMonth(d)} ${words.months[m - 1]} ${y}`;
}

/**
 * "Source : Service-Public.fr F1344, 26 août 2020, vérifié le 30 novembre 2026.": the source's
 * own date, then when someone checked the rule still holds; the page's address where links can
 * be shown.
 */
export function sourceLine(source: Source, withUrl = false, words: DateWords = FRENCH_WORDS): string {
  const title = [source.title ?? 'Service-Public.fr', source.fiche].filter(Boolean).join(' ');
  const url = source.url && withUrl ? ` - ${source.url}` : '';
  return `${words.source} ${title}, ${datesText(source, words)}${url}.`;
}

function datesText(source: Source, words: DateWords): string {
  if (source.verified === source.date) return `${words.checked} ${writtenDate(source.date, words)}`;
  const verified = source.verified ? `, ${words.checked} ${writtenDate(source.verified, words)}` : '';
  return `${writtenDate(source.date, words)}${verified}`;
}
