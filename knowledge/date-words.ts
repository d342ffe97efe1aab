import { filled } from './template';

// The words that write a date, a source's date and an office's opening hours. French, the
// bot's own language, is written here; every other language writes its words in its
// dialogs/lang/<code>/messages.yaml (« dates: », read by bot/lang/dates.ts) and the words are
// passed in: same dates, same times. Months are in the form a day number takes before them
// (Russian and Ukrainian genitive: « 1 декабря »).

/** Templates: {day}, {month}, {year}, {weekday}, {time}, {closed}, {holiday}, {from}, {to}, {days}, {times}. */
export interface DateTexts {
  /** January first, as written after a day number */
  months: string[];
  /** Monday first */
  days: string[];
  /** the day in a date, {day}: « 2 », « 2日 » */
  dayOfMonth: string;
  /** the first of a month where it is written otherwise (« 1er ») */
  firstDay?: string;
  /** a time of day, {h} and {mm}: « {h}:{mm} » for 8:30 */
  time: string;
  /** a whole hour where it is written otherwise (« {h} h ») */
  onTheHour?: string;
  date: string;
  weekdayDate: string;
  source: string;
  checked: string;
  tomorrow: string;
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

export interface DateWords extends Omit<DateTexts, 'dayOfMonth' | 'firstDay' | 'time' | 'onTheHour'> {
  /** the day in a date: « 1er », « 2 », « 2日 »… */
  dayOfMonth(day: number): string;
  /** minutes after midnight as a time of day: 510 -> « 8 h 30 » */
  time(minutes: number): string;
}

/** What most of the bot's languages write alike, and so may leave out: the day's number as is, « 8:30 », day month year, « days: times ». */
export const COMMON_DATE_TEXTS = {
  dayOfMonth: '{day}',
  time: '{h}:{mm}',
  date: '{day} {month} {year}',
  hoursLine: '{days}: {times}',
} satisfies Partial<DateTexts>;

/** The words of a language from its texts. */
export function dateWords(texts: DateTexts): DateWords {
  const { dayOfMonth, firstDay, time, onTheHour, ...words } = texts;
  return {
    ...words,
    dayOfMonth: (day) => (day === 1 && firstDay !== undefined ? firstDay : filled(dayOfMonth, { day: String(day) })),
    time: (minutes) => {
      const values = { h: String(Math.floor(minutes / 60)), mm: String(minutes % 60).padStart(2, '0') };
      return filled(minutes % 60 === 0 && onTheHour !== undefined ? onTheHour : time, values);
    },
  };
}

export const FRENCH_DATE_TEXTS: DateTexts = {
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  dayOfMonth: '{day}',
  firstDay: '1er',
  time: '{h} h {mm}',
  onTheHour: '{h} h',
  date: '{day} {month} {year}',
  weekdayDate: '{weekday} {day} {month}',
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

export const FRENCH_WORDS: DateWords = dateWords(FRENCH_DATE_TEXTS);
