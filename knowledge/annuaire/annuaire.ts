import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_FORMAT, INDEX_VERSION } from './types';
import type { IndexHeader, ServiceCommuneTable, StoredOffice } from './types';

/** The imported annuaire, read-only: the offices of a kind that serve a commune. */
export interface Annuaire {
  /** the offices of that kind serving the commune, its own first; at most `limit` */
  offices(serviceId: string, communeCode: string, limit?: number): StoredOffice[];
  /** true when the import holds offices of that kind */
  covers(serviceId: string): boolean;
  /** newest date_modification in the imported file */
  dataDate?: string;
  officeCount: number;
}

export const DEFAULT_INDEX_PATH = join(__dirname, '..', '..', 'data', 'annuaire-index.json');

/** Where the index lives: ANNUAIRE_INDEX, or data/annuaire-index.json in the project. */
export function annuaireIndexPath(): string {
  return process.env.ANNUAIRE_INDEX || DEFAULT_INDEX_PATH;
}

/**
 * Reads an index written by `npm run import:annuaire`. Offices stay as their bytes in the
 * file until one is shown: parsing the three offices of a card costs microseconds, keeping
 * 60,000 of them as objects would cost a hundred megabytes, and decoding the whole file
 * into one string would double the time a start spends on it.
 */
export function parseAnnuaireIndex(data: Buffer): Annuaire {
  const lineAt = lineReader(data);
  const header = JSON.parse(lineAt(0) ?? '') as IndexHeader;
  if (header.format !== INDEX_FORMAT || header.version !== INDEX_VERSION) {
    throw new Error(`not an annuaire index of version ${INDEX_VERSION}: run npm run import:annuaire again`);
  }
  const tableLine = lineAt(1 + header.offices);
  if (tableLine === undefined) throw new Error('annuaire index is truncated');
  const table = JSON.parse(tableLine) as ServiceCommuneTable;
  // own-property checks: a service id such as "constructor" must not reach Object.prototype
  const positions = (service: string, commune: string): number[] =>
    Object.hasOwn(table, service) && Object.hasOwn(table[service], commune) ? table[service][commune] : [];
  return {
    offices: (serviceId, communeCode, limit = Infinity) =>
      positions(serviceId, communeCode)
        .slice(0, limit)
        .flatMap((p) => readOffice(p >= 0 && p < header.offices ? lineAt(1 + p) : undefined)),
    covers: (serviceId) => Object.hasOwn(table, serviceId),
    dataDate: header.dataDate,
    officeCount: header.offices,
  };
}

/** The n-th line of the file's text (0 first), decoded when asked; undefined past the end. */
function lineReader(data: Buffer): (n: number) => string | undefined {
  const starts = [0];
  for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) starts.push(at + 1);
  starts.push(data.length + 1);
  return (n) => (n + 1 < starts.length ? data.toString('utf8', starts[n], starts[n + 1] - 1) : undefined);
}

/** A damaged line loses one office, never the answer. */
function readOffice(line: string | undefined): StoredOffice[] {
  try {
    return line ? [JSON.parse(line) as StoredOffice] : [];
  } catch {
    return [];
  }
}

/** The index at `path`, or undefined when none was imported there. */
export function loadAnnuaire(path: string): Annuaire | undefined {
  if (!existsSync(path)) return undefined;
  return parseAnnuaireIndex(readFileSync(path));
}
