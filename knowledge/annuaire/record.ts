import type { OpeningRange, StoredHours, StoredOffice } from './types';

// Turns one record of the DILA annuaire (bulk form, or the API form whose nested fields
// are JSON-encoded strings) into the compact office the index keeps, or says why not.

export type ParsedRecord = { ok: true; office: StoredOffice; coverage: Map<string, Set<string>> } | { ok: false; reason: string };

type Raw = Record<string, unknown>;

const INSEE = /^(\d{5}|2[AB]\d{3})$/;
// "SL" local service; "SIL" is published alongside it for some local offices. Other values are national bodies.
const LOCAL_CATEGORIES = new Set(['SL', 'SIL']);
const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

class BadRecord extends Error {}

/** The API form carries nested fields as JSON text: parse them back; the bulk form passes through. */
function nested(record: Raw, field: string): unknown[] {
  let value = record[field];
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return [];
    if (field === 'adresse_courriel' && !text.startsWith('[')) return [text];
    try {
      value = JSON.parse(text);
    } catch {
      throw new BadRecord(`invalid JSON in ${field}`);
    }
  }
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BadRecord(`${field} is not a list`);
  return value;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function isoDate(value: unknown): string | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(text(value));
  if (!match) return undefined;
  const [, day, month, year] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : undefined;
}

function minutes(value: unknown): number | undefined {
  const match = /^(\d{1,2}):(\d{2})/.exec(text(value));
  if (!match) return undefined;
  const total = Number(match[1]) * 60 + Number(match[2]);
  return total <= 24 * 60 ? total : undefined;
}

function day(value: unknown): number | undefined {
  const index = DAYS.indexOf(text(value).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

function hours(record: Raw): StoredHours | undefined {
  const ranges: OpeningRange[] = [];
  const comments: string[] = [];
  for (const entry of nested(record, 'plage_ouverture') as Raw[]) {
    if (!entry || typeof entry !== 'object') continue;
    const comment = text(entry.commentaire);
    if (comment && !comments.includes(comment)) comments.push(comment);
    const from = day(entry.nom_jour_debut);
    const to = day(entry.nom_jour_fin) ?? from;
    if (from === undefined || to === undefined) continue;
    const slots: Array<[number, number]> = [];
    for (const n of [1, 2]) {
      const start = minutes(entry[`valeur_heure_debut_${n}`]);
      const end = minutes(entry[`valeur_heure_fin_${n}`]);
      if (start !== undefined && end !== undefined && end > start) slots.push([start, end]);
    }
    if (slots.length > 0) ranges.push({ from, to, slots });
  }
  return ranges.length > 0 || comments.length > 0 ? { ranges, comments } : undefined;
}

function website(record: Raw): { website?: string; email?: string } {
  for (const site of nested(record, 'site_internet') as Raw[]) {
    const value = text(site?.valeur);
    if (!value) continue;
    if (/^https?:\/\//i.test(value)) return { website: value };
    if (value.includes('@')) return { email: value.replace(/^mailto:/i, '') };
    if (/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value)) return { website: `https://${value}` };
  }
  return {};
}

function number(value: unknown): number | undefined {
  const n = Number.parseFloat(text(value));
  return Number.isFinite(n) ? n : undefined;
}

function address(record: Raw): Partial<StoredOffice> {
  const addresses = nested(record, 'adresse') as Raw[];
  const main = addresses.find((a) => text(a?.type_adresse) === 'Adresse') ?? addresses[0];
  if (!main || typeof main !== 'object') return {};
  const lines = [main.complement1, main.complement2, main.numero_voie, main.service_distribution].map(text).filter(Boolean);
  return {
    address: lines.length > 0 ? lines : undefined,
    postalCode: text(main.code_postal) || undefined,
    city: text(main.nom_commune) || undefined,
    latitude: number(main.latitude),
    longitude: number(main.longitude),
  };
}

/**
 * @param canonical maps a pivot code to the catalog's id (old and new codes for the same
 *   kind of office end up together); unknown codes are kept as they are, in lower case.
 */
export function parseRecord(raw: unknown, canonical: (code: string) => string | undefined): ParsedRecord {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const record = raw as Raw;
  try {
    const id = text(record.id);
    if (!id) return { ok: false, reason: 'missing id' };
    const name = text(record.nom);
    if (!name) return { ok: false, reason: 'missing nom' };
    const categorie = text(record.categorie);
    if (categorie && !LOCAL_CATEGORIES.has(categorie)) return { ok: false, reason: `not a local service (categorie ${categorie})` };
    const updated = isoDate(record.date_modification);
    if (!updated) return { ok: false, reason: 'missing or invalid date_modification' };

    const ownCommune = text(record.code_insee_commune).toUpperCase();
    const coverage = new Map<string, Set<string>>();
    for (const pivot of nested(record, 'pivot') as Raw[]) {
      const code = text(pivot?.type_service_local).toLowerCase();
      if (!code) continue;
      const type = canonical(code) ?? code;
      const communes = coverage.get(type) ?? new Set<string>();
      const listed = Array.isArray(pivot.code_insee_commune) ? pivot.code_insee_commune : [];
      for (const commune of [...listed.map((c) => text(c).toUpperCase()), ownCommune]) {
        if (INSEE.test(commune)) communes.add(commune);
      }
      coverage.set(type, communes);
    }
    if (coverage.size === 0) return { ok: false, reason: 'no office type (pivot)' };
    if ([...coverage.values()].every((communes) => communes.size === 0)) {
      return { ok: false, reason: 'no commune (code_insee_commune or pivot communes)' };
    }

    const phone = (nested(record, 'telephone') as Raw[]).map((t) => text(t?.valeur)).find(Boolean);
    const emails = nested(record, 'adresse_courriel').map(text).filter(Boolean);
    const site = website(record);
    const office: StoredOffice = {
      id,
      name,
      types: [...coverage.keys()].sort(),
      commune: INSEE.test(ownCommune) ? ownCommune : '',
      ...address(record),
      phone,
      email: emails[0] ?? site.email,
      website: site.website,
      hours: hours(record),
      url: text(record.url_service_public) || undefined,
      updated,
    };
    return { ok: true, office: withoutUndefined(office), coverage };
  } catch (error) {
    if (error instanceof BadRecord) return { ok: false, reason: error.message };
    throw error;
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
