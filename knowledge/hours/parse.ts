import type { OpeningRange } from '../annuaire/types';

// Opening hours as territorial agents write them, in plain French, turned into the model
// the annuaire's hours use (days 1-7, minutes after midnight):
//   "lundi au vendredi 8 h 30 - 12 h, 13 h 30 - 17 h"
//   "mardi et jeudi de 9 h à 12 h ; samedi 9h-12h"
// Groups are separated by ";" or a line break; each names days, then one or more slots.

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const DAY = `(${DAYS.join('|')})s?`;
const DAY_RANGE = new RegExp(`^(?:du |le |les )?${DAY}(?: (?:au|a|-) (?:le )?${DAY})?$`);
const TIME = String.raw`(\d{1,2}) ?(?:h|:) ?(\d{2})?`;
const SLOT = new RegExp(`^(?:de )?${TIME} ?(?:-|a|jusqu'a) ?${TIME}$`);

const HOURS_EXAMPLE = 'lundi au vendredi 8 h 30 - 12 h, 13 h 30 - 17 h';

export type ParsedHours = { ok: true; ranges: OpeningRange[] } | { ok: false; message: string };

function minutes(hours: string, mins: string | undefined): number | undefined {
  const total = Number(hours) * 60 + Number(mins ?? 0);
  return Number(mins ?? 0) < 60 && total <= 24 * 60 ? total : undefined;
}

function parseDays(text: string): Array<[number, number]> | undefined {
  const ranges: Array<[number, number]> = [];
  for (const piece of text.split(/ ?, ?| et /)) {
    const match = DAY_RANGE.exec(piece.trim());
    if (!match) return undefined;
    const from = DAYS.indexOf(match[1]) + 1;
    ranges.push([from, match[2] ? DAYS.indexOf(match[2]) + 1 : from]);
  }
  return ranges;
}

function parseSlots(text: string): Array<[number, number]> | undefined {
  const slots: Array<[number, number]> = [];
  for (const piece of text.split(/ ?, ?| et /)) {
    const match = SLOT.exec(piece.trim());
    if (!match) return undefined;
    const start = minutes(match[1], match[2]);
    const end = minutes(match[3], match[4]);
    if (start === undefined || end === undefined || end <= start) return undefined;
    slots.push([start, end]);
  }
  return slots.sort((a, b) => a[0] - b[0]);
}

/** Lower case without accents, one kind of dash and apostrophe, "8h30" spaced as "8 h 30". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/’/g, "'")
    .replace(/(\d)h/g, '$1 h')
    .replace(/h(\d)/g, 'h $1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ranges of a French opening-hours text, or what is wrong with it (in French, for agents). */
export function parseFrenchHours(text: string): ParsedHours {
  const ranges: OpeningRange[] = [];
  const groups = text
    .split(/[;\n]/)
    .map((group) => group.trim())
    .filter(Boolean);
  if (groups.length === 0) return { ok: false, message: `horaires vides. Exemple : « ${HOURS_EXAMPLE} ».` };
  for (const group of groups) {
    const folded = fold(group);
    const firstDigit = folded.search(/\d/);
    const days = firstDigit > 0 ? parseDays(folded.slice(0, firstDigit).replace(/[ :]*(de)?[ :]*$/, '')) : undefined;
    const slots = firstDigit > 0 ? parseSlots(folded.slice(firstDigit)) : undefined;
    if (!days || !slots) {
      return {
        ok: false,
        message: `horaires incompris : « ${group} ». Écrivez les jours puis les heures, par exemple « ${HOURS_EXAMPLE} » ; séparez les groupes de jours par « ; ».`,
      };
    }
    for (const [from, to] of days) ranges.push({ from, to, slots });
  }
  return { ok: true, ranges };
}
