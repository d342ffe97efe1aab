import joursFeries from '@socialgouv/jours-feries';

// Alsace-Moselle keeps two more public holidays (Good Friday and 26 December).
const ALSACE_MOSELLE = new Set(['57', '67', '68']);

const cache = new Map<string, Map<string, string>>();

/** "YYYY-MM-DD" -> name of the holiday, for one year and one kind of département. */
function holidaysOf(year: number, alsace: boolean): Map<string, string> {
  const key = `${year}:${alsace}`;
  let days = cache.get(key);
  if (!days) {
    days = new Map();
    // The package builds each date at local midnight: read it back with the local getters.
    for (const [name, date] of Object.entries(joursFeries(year, { alsace }))) {
      const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
      days.set(iso, name);
    }
    cache.set(key, days);
  }
  return days;
}

/** The holiday's name when the day (Paris calendar date) is a public holiday in that département. */
export function publicHoliday(isoDate: string, departement?: string): string | undefined {
  const year = Number(isoDate.slice(0, 4));
  return holidaysOf(year, departement !== undefined && ALSACE_MOSELLE.has(departement)).get(isoDate);
}
