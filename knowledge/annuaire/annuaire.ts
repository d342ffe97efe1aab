import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_FORMAT, INDEX_VERSION } from './types';
import type { IndexHeader, StoredOffice } from './types';

/** The imported annuaire, read-only: the offices of a kind that serve a commune. */
export interface Annuaire {
  /** the offices of that kind serving the commune, its own first; at most `limit` */
  offices(serviceId: string, communeCode: string, limit?: number): StoredOffice[];
  /** true when the import holds offices of that kind */
  covers(serviceId: string): boolean;
  /** what the first lookups would otherwise do (each service's table, the offices' lines), one step at a time */
  warmUp(): (() => void)[];
  /** newest date_modification in the imported file */
  dataDate?: string;
  officeCount: number;
}

const DEFAULT_INDEX_PATH = join(__dirname, '..', '..', 'data', 'annuaire-index.json');

/** Where the index lives: ANNUAIRE_INDEX, or data/annuaire-index.json in the project. */
export function annuaireIndexPath(): string {
  return process.env.ANNUAIRE_INDEX || DEFAULT_INDEX_PATH;
}

/**
 * Reads an index written by `npm run import:annuaire`. Offices stay as their bytes in the
 * file until one is shown: parsing the three offices of a card costs microseconds, keeping
 * 60,000 of them as objects would cost a hundred megabytes, and decoding the whole file
 * into one string would double the time a start spends on it. The table of the last line
 * (9 MB for 60,000 offices) is parsed one service at a time, on its first lookup, and the
 * lines of the offices are found on the first office shown: a start reads two lines.
 */
function parseAnnuaireIndex(data: Buffer): Annuaire {
  const header = JSON.parse(data.toString('utf8', 0, Math.max(data.indexOf(10), 0))) as IndexHeader;
  if (header.format !== INDEX_FORMAT || header.version !== INDEX_VERSION) {
    throw new Error(`not an annuaire index of version ${INDEX_VERSION}: run npm run import:annuaire again`);
  }
  const table = serviceTables(data);
  let lineAt: ((n: number) => string | undefined) | undefined;
  const lines = () => (lineAt ??= lineReader(data));
  return {
    offices: (serviceId, communeCode, limit = Infinity) => {
      const perCommune = table.get(serviceId);
      const positions = perCommune && Object.hasOwn(perCommune, communeCode) ? perCommune[communeCode] : [];
      return positions.slice(0, limit).flatMap((p) => readOffice(p >= 0 && p < header.offices ? lines()(1 + p) : undefined));
    },
    covers: (serviceId) => table.has(serviceId),
    warmUp: () => [lines, ...table.services().map((service) => () => table.get(service))],
    dataDate: header.dataDate,
    officeCount: header.offices,
  };
}

/**
 * The last line's table, `{"service":{"commune":[positions],...},...}` as JSON.stringify wrote
 * it: each service's part is found by its bounds (it holds no brace, only codes and numbers)
 * and parsed on first use. A file cut short fails here, as a whole parse would.
 */
function serviceTables(data: Buffer): { services(): string[]; has(service: string): boolean; get(service: string): Record<string, number[]> | undefined } {
  const end = data[data.length - 1] === 10 ? data.length - 1 : data.length;
  let at = data.lastIndexOf(10, end - 1) + 1;
  const bounds = new Map<string, [number, number]>();
  const damaged = () => new Error('annuaire index is truncated');
  if (data[at] !== 0x7b || data[end - 1] !== 0x7d) throw damaged();
  at++;
  while (at < end - 1) {
    const keyEnd = data.indexOf('":{', at);
    const close = data.indexOf(0x7d, keyEnd + 3);
    if (keyEnd < 0 || close < 0 || close >= end) throw damaged();
    const service: unknown = JSON.parse(data.toString('utf8', at, keyEnd + 1));
    if (typeof service !== 'string') throw damaged();
    bounds.set(service, [keyEnd + 2, close + 1]);
    at = close + 1;
    if (data[at] === 0x2c) at++;
  }
  const parsed = new Map<string, Record<string, number[]>>();
  return {
    services: () => [...bounds.keys()],
    has: (service) => bounds.has(service),
    get(service) {
      const range = bounds.get(service);
      if (!range) return undefined;
      const known = parsed.get(service);
      if (known) return known;
      // a null prototype: a commune code such as "constructor" must not reach Object.prototype
      const perCommune = Object.assign(Object.create(null) as Record<string, number[]>, JSON.parse(data.toString('utf8', ...range)));
      parsed.set(service, perCommune);
      return perCommune;
    },
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
