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
 * Reads an index written by `npm run import:annuaire`. Offices stay as their line of text
 * until one is shown: parsing the three offices of a card costs microseconds, keeping
 * 60,000 of them as objects would cost a hundred megabytes.
 */
export function parseAnnuaireIndex(text: string): Annuaire {
  const lines = text.split('\n');
  const header = JSON.parse(lines[0]) as IndexHeader;
  if (header.format !== INDEX_FORMAT || header.version !== INDEX_VERSION) {
    throw new Error(`not an annuaire index of version ${INDEX_VERSION}: run npm run import:annuaire again`);
  }
  const officeLines = lines.slice(1, 1 + header.offices);
  const table = JSON.parse(lines[1 + header.offices] ?? '') as ServiceCommuneTable;
  if (officeLines.length !== header.offices) throw new Error('annuaire index is truncated');
  // own-property checks: a service id such as "constructor" must not reach Object.prototype
  const positions = (service: string, commune: string): number[] =>
    Object.hasOwn(table, service) && Object.hasOwn(table[service], commune) ? table[service][commune] : [];
  return {
    offices: (serviceId, communeCode, limit = Infinity) =>
      positions(serviceId, communeCode)
        .slice(0, limit)
        .flatMap((p) => readOffice(officeLines[p])),
    covers: (serviceId) => Object.hasOwn(table, serviceId),
    dataDate: header.dataDate,
    officeCount: header.offices,
  };
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
  return parseAnnuaireIndex(readFileSync(path, 'utf8'));
}
