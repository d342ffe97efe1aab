import { createReadStream, openSync, readSync, writeSync, closeSync, renameSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { JSONParser } from '@streamparser/json-node';
import { parseRecord } from './record';
import { INDEX_FORMAT, INDEX_VERSION } from './types';
import type { IndexHeader, ServiceCommuneTable } from './types';

export interface ImportReport {
  file: string;
  records: number;
  loaded: number;
  skipped: Record<string, number>;
  /** (service, commune) pairs that have at least one office */
  keys: number;
  byService: Record<string, number>;
  dataDate?: string;
}

/** First significant character of the file: "{" for the bulk file or an API page, "[" for an API export. */
function firstChar(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer
      .toString('utf8', 0, read)
      .replace(/^\uFEFF/, '')
      .trimStart()
      .charAt(0);
  } finally {
    closeSync(fd);
  }
}

/** The records of an annuaire file, one at a time, without holding the whole file in memory. */
function streamRecords(path: string): Readable {
  const first = firstChar(path);
  if (first !== '{' && first !== '[') throw new Error(`${path} is not a JSON annuaire file`);
  // bulk file: {"service": [...]}; API page: {"results": [...]}; API export: [...]
  const paths = first === '{' ? ['$.service.*', '$.results.*'] : ['$.*'];
  const parser = new JSONParser({ paths, keepStack: false });
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  source.on('error', (error: Error) => parser.destroy(error));
  return source.pipe(parser);
}

/** An office kept during the import: its JSON already written out, to keep memory low. */
interface PendingOffice {
  id: string;
  name: string;
  commune: string;
  updated: string;
  json: string;
  coverage: Array<[string, string[]]>;
}

/**
 * The index, ready to write: offices are kept as JSON text (the importer never needs
 * them as objects again), so that a 60,000-record file fits in little memory.
 */
export interface BuiltIndex {
  header: IndexHeader;
  officesJson: string[];
  byServiceAndCommune: ServiceCommuneTable;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const frenchOrder = new Intl.Collator('fr').compare;

/**
 * Reads an annuaire file into the index. Records are validated one by one; bad ones are
 * counted by reason, never fatal. Same input, same index: offices are sorted by id.
 */
export async function buildAnnuaireIndex(path: string, canonical: (code: string) => string | undefined): Promise<{ index: BuiltIndex; report: ImportReport }> {
  const offices = new Map<string, PendingOffice>();
  // one string per commune code, however many offices cover it
  const communeCodes = new Map<string, string>();
  const intern = (code: string): string => {
    const known = communeCodes.get(code);
    if (known) return known;
    communeCodes.set(code, code);
    return code;
  };
  const skipped: Record<string, number> = {};
  let records = 0;
  for await (const { value } of streamRecords(path)) {
    records++;
    const parsed = parseRecord(value, canonical);
    let reason = parsed.ok ? undefined : parsed.reason;
    if (parsed.ok) {
      const { office } = parsed;
      if (offices.has(office.id)) reason = 'duplicate id';
      else {
        offices.set(office.id, {
          id: office.id,
          name: office.name,
          commune: office.commune,
          updated: office.updated,
          json: JSON.stringify(office),
          coverage: [...parsed.coverage].map(([service, communes]) => [service, [...communes].map(intern)]),
        });
      }
    }
    if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
  }

  const sorted = [...offices.values()].sort((a, b) => byCode(a.id, b.id));
  const table: ServiceCommuneTable = {};
  const byService: Record<string, number> = {};
  let keys = 0;
  let dataDate: string | undefined;
  sorted.forEach((office, position) => {
    if (!dataDate || office.updated > dataDate) dataDate = office.updated;
    for (const [service, communes] of office.coverage) {
      byService[service] = (byService[service] ?? 0) + 1;
      const perCommune = (table[service] ??= {});
      for (const commune of communes) {
        const list = (perCommune[commune] ??= []);
        if (list.length === 0) keys++;
        list.push(position);
      }
    }
  });
  // The commune's own offices first, then the ones that cover it from elsewhere; by name within each.
  for (const perCommune of Object.values(table)) {
    for (const [commune, list] of Object.entries(perCommune)) {
      list.sort((a, b) => {
        const local = Number(sorted[b].commune === commune) - Number(sorted[a].commune === commune);
        return local || frenchOrder(sorted[a].name, sorted[b].name) || a - b;
      });
    }
  }

  const index: BuiltIndex = {
    header: { format: INDEX_FORMAT, version: INDEX_VERSION, importedFrom: basename(path), dataDate, offices: sorted.length },
    officesJson: sorted.map((office) => office.json),
    byServiceAndCommune: Object.fromEntries(Object.entries(sortKeys(table)).map(([service, perCommune]) => [service, sortKeys(perCommune)])),
  };
  const report: ImportReport = {
    file: basename(path),
    records,
    loaded: sorted.length,
    skipped,
    keys,
    byService: sortKeys(byService),
    dataDate,
  };
  return { index, report };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCode(a, b)));
}

/** Writes the index line by line, then moves it in place, so that a running bot never reads half a file. */
export function writeAnnuaireIndex(path: string, index: BuiltIndex): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, `${JSON.stringify(index.header)}\n`);
    for (const json of index.officesJson) writeSync(fd, `${json}\n`);
    writeSync(fd, `${JSON.stringify(index.byServiceAndCommune)}\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
