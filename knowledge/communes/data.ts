import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedValue } from '../file-cache';
import type { Commune } from '../types';
import { foldPlaceName } from '../text';

// The communes of France as published by Etalab (@etalab/decoupage-administratif) and
// La Poste (codes-postaux), indexed for what people type. Built once, on first use.

export interface CommuneRecord extends Commune {
  population: number;
}

export interface CommuneData {
  byCode: Map<string, CommuneRecord>;
  /** folded name -> communes of that name (homonyms share a key) */
  byName: Map<string, CommuneRecord[]>;
  /** names bucketed by length, for typo matching */
  namesByLength: Map<number, string[]>;
  byPostalCode: Map<string, CommuneRecord[]>;
  /** folded département name ("seine saint denis", "reunion") -> code */
  departementByName: Map<string, string>;
  departementCodes: Set<string>;
}

interface EtalabCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement: string;
  codesPostaux?: string[];
  population?: number;
  chefLieu?: string;
}

interface PostalEntry {
  codePostal: string;
  codeCommune: string;
}

interface EtalabDepartement {
  code: string;
  nom: string;
}

function readPackageJson<T>(path: string): T {
  return JSON.parse(readFileSync(require.resolve(path), 'utf8')) as T;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Names bucketed by length. Each name comes once: no need to look for it in its bucket (37,000 names). */
function byLength(names: Iterable<string>): Map<number, string[]> {
  const buckets = new Map<number, string[]>();
  for (const name of names) {
    const bucket = buckets.get(name.length);
    if (bucket) bucket.push(name);
    else buckets.set(name.length, [name]);
  }
  return buckets;
}

export function loadCommuneData(): CommuneData {
  const communes = readPackageJson<EtalabCommune[]>('@etalab/decoupage-administratif/data/communes.json');
  const postal = readPackageJson<PostalEntry[]>('codes-postaux/codes-postaux.json');
  const departements = readPackageJson<EtalabDepartement[]>('@etalab/decoupage-administratif/data/departements.json');
  const departementNames = new Map(departements.map((d) => [d.code, d.nom]));

  const byCode = new Map<string, CommuneRecord>();
  const byName = new Map<string, CommuneRecord[]>();
  for (const c of communes) {
    if (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
    const record: CommuneRecord = {
      code: c.code,
      name: c.nom,
      departement: c.departement,
      departementName: departementNames.get(c.departement),
      postalCodes: c.codesPostaux ?? [],
      population: c.population ?? 0,
    };
    byCode.set(c.code, record);
    pushTo(byName, foldPlaceName(c.nom), record);
  }
  // A former commune merged into a new one is still what many people call home:
  // its name leads to the commune it now belongs to, unless a current commune has that name.
  const currentNames = new Set(byName.keys());
  for (const c of communes) {
    if (c.type !== 'commune-deleguee' && c.type !== 'commune-associee') continue;
    const current = c.chefLieu ? byCode.get(c.chefLieu) : undefined;
    const key = foldPlaceName(c.nom);
    if (current && !currentNames.has(key)) pushTo(byName, key, current);
  }

  const byPostalCode = new Map<string, CommuneRecord[]>();
  for (const entry of postal) {
    const record = byCode.get(entry.codeCommune);
    if (record) pushTo(byPostalCode, entry.codePostal, record);
  }

  const namesByLength = byLength(byName.keys());

  const departementByName = new Map<string, string>();
  for (const d of departements) {
    const folded = foldPlaceName(d.nom);
    departementByName.set(folded, d.code);
    departementByName.set(folded.replace(/^(la|le|les) /, ''), d.code);
  }

  return {
    byCode,
    byName,
    namesByLength,
    byPostalCode,
    departementByName,
    departementCodes: new Set(departements.map((d) => d.code.toLowerCase())),
  };
}

/** The index in plain data, as kept in the cache folder: records once, every table by position. */
interface PackedCommunes {
  format: number;
  records: CommuneRecord[];
  byName: [string, number[]][];
  byPostalCode: [string, number[]][];
  departementByName: [string, string][];
  departementCodes: string[];
}

/** Bumped whenever PackedCommunes changes shape: older files are ignored. */
const PACK_FORMAT = 1;

function packCommunes(data: CommuneData): PackedCommunes {
  const records = [...data.byCode.values()];
  const position = new Map(records.map((record, at) => [record, at]));
  const positions = (map: Map<string, CommuneRecord[]>): [string, number[]][] =>
    [...map].map(([key, list]) => [key, list.map((record) => position.get(record)!)]);
  return {
    format: PACK_FORMAT,
    records,
    byName: positions(data.byName),
    byPostalCode: positions(data.byPostalCode),
    departementByName: [...data.departementByName],
    departementCodes: [...data.departementCodes],
  };
}

function unpackCommunes(packed: PackedCommunes): CommuneData {
  const { records } = packed;
  const tables = (entries: [string, number[]][]) => new Map(entries.map(([key, list]) => [key, list.map((at) => records[at])]));
  const byName = tables(packed.byName);
  const namesByLength = byLength(byName.keys());
  return {
    byCode: new Map(records.map((record) => [record.code, record])),
    byName,
    namesByLength,
    byPostalCode: tables(packed.byPostalCode),
    departementByName: new Map(packed.departementByName),
    departementCodes: new Set(packed.departementCodes),
  };
}

/** The index from CACHE_DIR when built by this code from these data packages, else built (and written there). */
export function cachedCommuneData(): CommuneData {
  const sources = [
    __filename,
    join(__dirname, '..', 'text.ts'),
    ...['@etalab/decoupage-administratif', 'codes-postaux'].map((name) => require.resolve(`${name}/package.json`)),
  ];
  let built: CommuneData | undefined;
  const codec = {
    suffix: '.communes.json',
    serialize: JSON.stringify,
    deserialize: (text: string) => {
      const packed = JSON.parse(text) as PackedCommunes;
      return packed.format === PACK_FORMAT ? packed : undefined;
    },
  };
  const packed = cachedValue('communes', codec, sources, () => {
    built = loadCommuneData();
    return packCommunes(built);
  });
  return built ?? unpackCommunes(packed);
}

let loaded: CommuneData | undefined;

/** Loaded on first use and kept: 40 MB, about 500 ms to build, 100 ms when read from the cache folder. */
export function communeData(): CommuneData {
  loaded ??= cachedCommuneData();
  return loaded;
}
