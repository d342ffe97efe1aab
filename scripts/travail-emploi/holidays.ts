// People ask about a public holiday by its name or its day (« le 8 mai », « jeudi de
// l'ascension », « le jour de noël »): six of the 260 labour tuning queries. The fiche on public
// holidays lists them in a sentence the key terms cannot split, so they come from the calendar
// the bot already uses for opening hours (@socialgouv/jours-feries).
import joursFeries from '@socialgouv/jours-feries';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const day = (date: Date) => `${date.getDate() === 1 ? '1er' : date.getDate()} ${MONTHS[date.getMonth()]}`;

/** Every public holiday of France by its name and, when its date is fixed, by its day (« Armistice », « 11 novembre »). */
export function holidayNames(): string[] {
  // two years apart: a fixed holiday falls on the same day, Easter's do not
  const [one, other] = [joursFeries(2025), joursFeries(2026)];
  return Object.entries(one).flatMap(([name, date]) => (day(other[name]) === day(date) ? [name, day(date)] : [name]));
}
