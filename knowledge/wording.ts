import type { Source } from './types';

// How a fact's date and source are written for a citizen, the same on every channel.

export const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2026-11-29" -> "29 novembre 2026" */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d === 1 ? '1er' : d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * "Source : Service-Public.fr F1344, 26 août 2020, vérifié le 30 novembre 2026.": the source's
 * own date, then when someone checked the rule still holds; the page's address where links can
 * be shown.
 */
export function sourceLine(source: Source, withUrl = false): string {
  const title = [source.title ?? 'Service-Public.fr', source.fiche].filter(Boolean).join(' ');
  const url = source.url && withUrl ? ` - ${source.url}` : '';
  return `Source : ${title}, ${datesText(source)}${url}.`;
}

function datesText(source: Source): string {
  if (source.verified === source.date) return `vérifié le ${frenchDate(source.date)}`;
  const verified = source.verified ? `, vérifié le ${frenchDate(source.verified)}` : '';
  return `${frenchDate(source.date)}${verified}`;
}
