import { readFileSync } from 'node:fs';
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

  const namesByLength = new Map<number, string[]>();
  for (const name of byName.keys()) pushTo(namesByLength, name.length, name);

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

let loaded: CommuneData | undefined;

/** Loaded on first use and kept: about 200 ms and 40 MB, paid once per process. */
export function communeData(): CommuneData {
  loaded ??= loadCommuneData();
  return loaded;
}
