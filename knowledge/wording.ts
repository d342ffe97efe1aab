import type { Source } from './types';
import { type DateWords, FRENCH_WORDS } from './date-words';
import { filled } from './template';

// How a fact's date and source are written for a citizen, the same on every channel, with the
// words of the conversation's language (./date-words.ts, passed in; French unless given): same
// dates in every language.

/** "2026-11-29" -> "29 novembre 2026" ("29 November 2026", "2026年11月29日") */
export function writtenDate(iso: string, words: DateWords = FRENCH_WORDS): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return filled(words.date, { day: words.dayOfMonth(d), month: words.months[m - 1], year: String(y) });
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
