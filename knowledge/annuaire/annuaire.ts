import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_FORMAT } from './types';
import type { AnnuaireIndex, StoredOffice } from './types';

/** The imported annuaire, read-only: the offices of a kind that serve a commune. */
export interface Annuaire {
  offices(serviceId: string, communeCode: string): StoredOffice[];
  /** newest date_modification in the imported file */
  dataDate?: string;
  officeCount: number;
}

export const DEFAULT_INDEX_PATH = join(__dirname, '..', '..', 'data', 'annuaire-index.json');

/** Where the index lives: ANNUAIRE_INDEX, or data/annuaire-index.json in the project. */
export function annuaireIndexPath(): string {
  return process.env.ANNUAIRE_INDEX || DEFAULT_INDEX_PATH;
}

export function annuaireFromIndex(index: AnnuaireIndex): Annuaire {
  if (index.format !== INDEX_FORMAT || index.version !== 1) {
    throw new Error('not an annuaire index written by npm run import:annuaire (version 1)');
  }
  const table = index.byServiceAndCommune;
  // own-property checks: a service id such as "constructor" must not reach Object.prototype
  const positions = (service: string, commune: string): number[] =>
    Object.hasOwn(table, service) && Object.hasOwn(table[service], commune) ? table[service][commune] : [];
  return {
    offices: (serviceId, communeCode) => positions(serviceId, communeCode).map((p) => index.offices[p]),
    dataDate: index.dataDate,
    officeCount: index.offices.length,
  };
}

/** The index at `path`, or undefined when none was imported there. */
export function loadAnnuaire(path: string): Annuaire | undefined {
  if (!existsSync(path)) return undefined;
  return annuaireFromIndex(JSON.parse(readFileSync(path, 'utf8')) as AnnuaireIndex);
}
