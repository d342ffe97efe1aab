import type { OpeningRange, StoredHours } from '../annuaire/types';
import { publicHoliday } from './holidays';
import { type DateWords, FRENCH_WORDS } from '../date-words';
import { filled } from '../template';

// Opening hours as a person reads them, in Paris time whatever the server's time zone:
// "Ouvert maintenant, jusqu'à 12 h", "Fermé, ouvre lundi à 8 h 30" (in English: "Open now,
// until 12:00", "Closed, opens Monday at 8:30").

export const HOURS_UNKNOWN = FRENCH_WORDS.hoursUnknown;

const SEARCH_DAYS = 14;

const parisFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface ParisDay {
  /** days since 1970-01-01 in the Paris calendar */
  dayNumber: number;
  /** 1 = Monday ... 7 = Sunday */
  weekday: number;
  iso: string;
}

/** Paris calendar day and minutes after midnight of an instant; Intl knows the summer-time rules. */
function parisClock(now: Date): { day: ParisDay; minutes: number } {
  const parts = Object.fromEntries(parisFormat.formatToParts(now).map((p) => [p.type, p.value]));
  const dayNumber = Math.floor(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / 86_400_000);
  return { day: parisDay(dayNumber), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function parisDay(dayNumber: number): ParisDay {
  const date = new Date(dayNumber * 86_400_000);
  // 1970-01-01 was a Thursday (weekday 4)
  return { dayNumber, weekday: ((dayNumber + 3) % 7) + 1, iso: date.toISOString().slice(0, 10) };
}

function coversDay(range: OpeningRange, weekday: number): boolean {
  return range.from <= range.to ? weekday >= range.from && weekday <= range.to : weekday >= range.from || weekday <= range.to;
}

function slotsOn(hours: StoredHours, weekday: number): Array<[number, number]> {
  return hours.ranges
    .filter((range) => coversDay(range, weekday))
    .flatMap((range) => range.slots)
    .sort((a, b) => a[0] - b[0]);
}

function dayLabel(day: ParisDay, daysAhead: number, words: DateWords): string {
  if (daysAhead === 1) return words.tomorrow;
  const name = words.days[day.weekday - 1];
  if (daysAhead < 7) return name;
  const [, month, date] = day.iso.split('-').map(Number);
  return filled(words.weekdayDate, { weekday: name, day: words.dayOfMonth(date), month: words.months[month - 1] });
}

/**
 * Open or closed at `now`, and until when or when it opens next; public holidays of
 * the office's département close it.
 */
export function openingStatus(hours: StoredHours | undefined, now: Date, departement?: string, words: DateWords = FRENCH_WORDS): string {
  if (!hours || hours.ranges.length === 0) return words.hoursUnknown;
  const { day: today, minutes } = parisClock(now);
  const holiday = publicHoliday(today.iso, departement);

  if (!holiday) {
    const slots = slotsOn(hours, today.weekday);
    const current = slots.find(([start, end]) => minutes >= start && minutes < end);
    if (current) return filled(words.openUntil, { time: words.time(current[1]) });
    const later = slots.find(([start]) => start > minutes);
    if (later) {
      const reopens = slots.some(([start]) => start <= minutes);
      return filled(reopens ? words.reopensAt : words.opensAt, { time: words.time(later[0]) });
    }
  }

  const closed = holiday ? filled(words.closedHoliday, { holiday }) : words.closed;
  for (let ahead = 1; ahead <= SEARCH_DAYS; ahead++) {
    const day = parisDay(today.dayNumber + ahead);
    if (publicHoliday(day.iso, departement)) continue;
    const first = slotsOn(hours, day.weekday)[0];
    if (first) return filled(words.opensOn, { closed, day: dayLabel(day, ahead, words), time: words.time(first[0]) });
  }
  return closed;
}

/** One line per range, as the annuaire gives them: "Lundi au jeudi : 8 h 30 - 12 h, 13 h 30 - 16 h". */
export function hoursLines(hours: StoredHours | undefined, words: DateWords = FRENCH_WORDS): string[] {
  if (!hours) return [];
  return hours.ranges.map((range) => {
    const from = words.days[range.from - 1];
    const days = range.from === range.to ? from : filled(words.dayRange, { from, to: words.days[range.to - 1] });
    const times = range.slots.map(([start, end]) => `${words.time(start)} - ${words.time(end)}`).join(', ');
    return filled(words.hoursLine, { days: `${days.charAt(0).toUpperCase()}${days.slice(1)}`, times });
  });
}
