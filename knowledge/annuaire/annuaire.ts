import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
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

/** The three parts of an index file: its first line, its last, and the offices' lines between, read when first asked. */
export interface IndexParts {
  header: Buffer;
  table: Buffer;
  offices(): Buffer;
}

/**
 * Reads an index written by `npm run import:annuaire`. Offices stay as their bytes in the
 * file until one is shown: parsing the three offices of a card costs microseconds, keeping
 * 60,000 of them as objects would cost a hundred megabytes. A start reads the header and the
 * table of the last line (9 MB for 60,000 offices), whose services are each parsed on their
 * first lookup; the offices' lines (30 MB) are read and found on the first office shown.
 */
function parseAnnuaireIndex(parts: IndexParts): Annuaire {
  const header = JSON.parse(parts.header.toString('utf8')) as IndexHeader;
  if (header.format !== INDEX_FORMAT || header.version !== INDEX_VERSION) {
    throw new Error(`not an annuaire index of version ${INDEX_VERSION}: run npm run import:annuaire again`);
  }
  const table = serviceTables(parts.table);
  let lineAt: ((n: number) => string | undefined) | undefined;
  const lines = () => (lineAt ??= lineReader(parts.offices()));
  return {
    offices: (serviceId, communeCode, limit = Infinity) => {
      const perCommune = table.get(serviceId);
      const positions = perCommune && Object.hasOwn(perCommune, communeCode) ? perCommune[communeCode] : [];
      return positions.slice(0, limit).flatMap((p) => readOffice(p >= 0 && p < header.offices ? lines()(p) : undefined));
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
  const end = data.length;
  let at = 0;
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

/** The n-th line of `data` (0 first), decoded when asked; undefined past the end. */
function lineReader(data: Buffer): (n: number) => string | undefined {
  const starts = [0];
  for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) starts.push(at + 1);
  if (starts.at(-1) !== data.length) starts.push(data.length + 1);
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
  return parseAnnuaireIndex(indexParts(path));
}

/** Bytes `[from, to)` of an open file. */
function readAt(fd: number, from: number, to: number): Buffer {
  const bytes = Buffer.allocUnsafe(to - from);
  for (let done = 0; done < bytes.length;) {
    const read = readSync(fd, bytes, done, bytes.length - done, from + done);
    if (read === 0) throw new Error('annuaire index is truncated');
    done += read;
  }
  return bytes;
}

/** Closes the file of an index dropped before its offices were read (a newer one replaced it). */
const unread = new FinalizationRegistry<number>((fd) => closeSync(fd));

const CHUNK = 1 << 20;

/**
 * The header and the table, read now; the offices' lines, read from the same open file when
 * first asked: an index that `npm run fetch:annuaire` puts in its place meanwhile is never
 * mixed with the table read from this one.
 */
function indexParts(path: string): IndexParts {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let headerEnd = -1;
    for (let from = 0; headerEnd < 0 && from < size; from += CHUNK) {
      const at = readAt(fd, from, Math.min(size, from + CHUNK)).indexOf(10);
      if (at >= 0) headerEnd = from + at;
    }
    if (headerEnd < 0) throw new Error('annuaire index is truncated');
    const end = readAt(fd, size - 1, size)[0] === 10 ? size - 1 : size;
    // the table's line, read backwards a chunk at a time up to the line break before it (the header's at the latest)
    const chunks: Buffer[] = [];
    let tableStart = -1;
    for (let to = end; tableStart < 0 && to > headerEnd; to -= CHUNK) {
      const from = Math.max(headerEnd, to - CHUNK);
      const chunk = readAt(fd, from, to);
      const at = chunk.lastIndexOf(10);
      tableStart = at >= 0 ? from + at + 1 : -1;
      chunks.unshift(at >= 0 ? chunk.subarray(at + 1) : chunk);
    }
    if (tableStart < 0) throw new Error('annuaire index is truncated');
    const parts = { header: readAt(fd, 0, headerEnd), table: Buffer.concat(chunks) };
    let offices: Buffer | undefined;
    const token = {};
    unread.register(token, fd, token);
    return {
      ...parts,
      offices() {
        if (offices) return offices;
        unread.unregister(token);
        try {
          offices = readAt(fd, headerEnd + 1, tableStart);
        } catch {
          offices = Buffer.alloc(0); // a file cut short in place since: its offices are not shown, the answers still are
        } finally {
          closeSync(fd);
        }
        return offices;
      },
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
