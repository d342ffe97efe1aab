import { COMMON_DATE_TEXTS, type DateTexts, type DateWords, dateWords, FRENCH_DATE_TEXTS } from '../../knowledge/date-words';
import type { TreeProblem } from '../trees/loader';
import { asRecord, asStrings, asText } from './yaml-file';

// The « dates: » of a language's messages.yaml: how it writes a date, a source's date and an
// office's opening hours (knowledge/date-words.ts). What most languages write alike may be left
// out; any other word left out, or written wrong, is said in French.

type Key = keyof DateTexts;
const KEYS = Object.keys(FRENCH_DATE_TEXTS) as Key[];
/** written only where a language writes them otherwise (French « 1er », « 8 h ») */
const OPTIONAL = new Set<Key>(['firstDay', 'onTheHour']);
const LIST_LENGTH: Partial<Record<Key, number>> = { months: 12, days: 7 };
/** the placeholders each template must keep, replaced by the facts */
const PLACEHOLDERS: Partial<Record<Key, string[]>> = {
  dayOfMonth: ['day'],
  time: ['h', 'mm'],
  onTheHour: ['h'],
  date: ['day', 'month', 'year'],
  weekdayDate: ['weekday', 'day', 'month'],
  openUntil: ['time'],
  reopensAt: ['time'],
  opensAt: ['time'],
  closedHoliday: ['holiday'],
  opensOn: ['closed', 'day', 'time'],
  dayRange: ['from', 'to'],
  hoursLine: ['days', 'times'],
};

type Report = (path: string[], message: string, severity?: TreeProblem['severity']) => void;

function readText(key: Key, value: unknown, report: Report): string | string[] | undefined {
  const length = LIST_LENGTH[key];
  if (length !== undefined) {
    const list = asStrings(value);
    if (Array.isArray(value) && list.length === length) return list;
    report([key], `« ${key} » est une liste de ${length} mots.`);
    return undefined;
  }
  const text = asText(value);
  if (text === undefined) {
    report([key], `« ${key} » doit être un texte.`);
    return undefined;
  }
  const missing = (PLACEHOLDERS[key] ?? []).filter((name) => !text.includes(`{${name}}`));
  if (missing.length === 0) return text;
  report([key], `« ${key} » doit contenir ${missing.map((name) => `« {${name}} »`).join(', ')}, remplacé par la valeur.`);
  return undefined;
}

/** A language's date words from its « dates: », checked. */
export function readDates(value: unknown, report: Report): DateWords {
  const texts: Partial<Record<Key, unknown>> = { ...COMMON_DATE_TEXTS };
  for (const [key, written] of Object.entries(asRecord(value))) {
    if (!KEYS.includes(key as Key)) report([key], `champ inconnu « ${key} ». Champs possibles : ${KEYS.join(', ')}.`);
    else texts[key as Key] = readText(key as Key, written, report) ?? texts[key as Key];
  }
  const missing = KEYS.filter((key) => texts[key] === undefined && !OPTIONAL.has(key));
  if (missing.length > 0) report([], `mots de date manquants, dits en français : ${missing.join(', ')}.`, 'warning');
  for (const key of missing) texts[key] = FRENCH_DATE_TEXTS[key];
  return dateWords(texts as DateTexts);
}
