import { closeSync, createReadStream, createWriteStream, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { extract } from 'tar-stream';
import bunzip2 from 'unbzip2-stream';
import { buildAnnuaireIndex, writeAnnuaireIndex, type ImportReport } from './import';
import type { IndexHeader } from './types';

// Downloads the DILA's bulk export of the Annuaire de l'administration, extracts its JSON
// and imports it. Every step works in a scratch folder next to the index: the index in
// service is replaced (atomically, by writeAnnuaireIndex) only once all steps succeeded.

/**
 * The stable address of the latest bulk export ("Base de données locales", data.gouv.fr
 * dataset service-public-fr-annuaire-de-l-administration-base-de-donnees-locales): a
 * .tar.bz2 holding one `*-data.gouv_local.json`, regenerated every working day.
 */
export const DILA_ANNUAIRE_URL = 'https://lecomarquage.service-public.gouv.fr/donnees_locales_v4/all_latest.tar.bz2';

/** A stalled connection fails after this long without a byte. */
const STALL_TIMEOUT_MS = 60_000;

export interface DownloadProgress {
  received: number;
  /** from Content-Length; undefined when the server does not say */
  total?: number;
}

export class FetchError extends Error {}

/** Downloads `url` to `path`, reporting progress; refuses an HTTP error or a body shorter than announced. */
async function downloadFile(url: string, path: string, onProgress: (progress: DownloadProgress) => void): Promise<number> {
  const abort = new AbortController();
  let stall = setTimeout(() => abort.abort(), STALL_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: abort.signal, redirect: 'follow' });
    if (!response.ok || !response.body) throw new FetchError(`download failed: HTTP ${response.status} from ${url}`);
    const announced = Number(response.headers.get('content-length'));
    const total = Number.isFinite(announced) && announced > 0 ? announced : undefined;
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        clearTimeout(stall);
        stall = setTimeout(() => abort.abort(), STALL_TIMEOUT_MS);
        onProgress({ received, total });
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), counter, createWriteStream(path));
    if (total !== undefined && received !== total) {
      throw new FetchError(`download incomplete: ${received} of ${total} bytes`);
    }
    return received;
  } catch (error) {
    if (error instanceof FetchError) throw error;
    const reason = abort.signal.aborted ? `no data for ${STALL_TIMEOUT_MS / 1000} s` : String((error as Error).cause ?? error);
    throw new FetchError(`download failed: ${reason}`);
  } finally {
    clearTimeout(stall);
  }
}

/** bzip2 files start with "BZh" and a block size digit. */
function isBzip2(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    return head.toString('latin1', 0, 3) === 'BZh' && head[3] >= 0x31 && head[3] <= 0x39;
  } finally {
    closeSync(fd);
  }
}

/** The bulk file among the archive's entries. */
function isAnnuaireEntry(name: string): boolean {
  return /gouv_local\.json$/i.test(basename(name));
}

/**
 * Extracts the annuaire's JSON from the .tar.bz2 at `archive` into `dir`, streaming (the
 * export is hundreds of megabytes). A damaged or truncated archive is an error.
 */
async function extractAnnuaireJson(archive: string, dir: string): Promise<string> {
  if (!isBzip2(archive)) throw new FetchError(`${basename(archive)} is not a .tar.bz2 archive`);
  const jsonEntries: string[] = [];
  let output: string | undefined;
  const entries = extract();
  entries.on('entry', (header, stream, next) => {
    const wanted = header.type === 'file' && !output && isAnnuaireEntry(header.name);
    if (header.type === 'file' && header.name.toLowerCase().endsWith('.json')) jsonEntries.push(header.name);
    if (!wanted) {
      stream.on('end', next);
      stream.resume();
      return;
    }
    // its own name, which carries the export's timestamp, is what the index records as its origin
    output = join(dir, basename(header.name));
    pipeline(stream, createWriteStream(output)).then(() => next(), next);
  });
  try {
    await pipeline(createReadStream(archive), bunzip2(), entries);
  } catch (error) {
    throw new FetchError(`archive damaged or incomplete (${(error as Error).message})`);
  }
  if (!output) {
    throw new FetchError(`no *gouv_local.json in the archive (JSON files: ${jsonEntries.join(', ') || 'none'})`);
  }
  return output;
}

const SCRATCH_PREFIX = '.annuaire-fetch-';
/** A run still going after this long was killed: its scratch folder (up to gigabytes) is removed. */
const ABANDONED_AFTER_MS = 6 * 3600_000;

function removeAbandonedScratch(folder: string): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (name.startsWith(SCRATCH_PREFIX) && Date.now() - statSync(path).mtimeMs > ABANDONED_AFTER_MS) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

/** An export with this share of the offices in service or less is suspect: kept out unless forced. */
const MAX_SHARE_REFUSED = 0.5;

/** Offices in the index in service, from its first line only; undefined when there is none. */
function officesInService(indexPath: string): number | undefined {
  try {
    const fd = openSync(indexPath, 'r');
    try {
      const head = Buffer.alloc(4096);
      const read = readSync(fd, head, 0, head.length, 0);
      return (JSON.parse(head.toString('utf8', 0, read).split('\n')[0]) as IndexHeader).offices;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

export interface FetchOptions {
  url: string;
  indexPath: string;
  /** replace the index even when the new export holds far fewer offices */
  force?: boolean;
  canonical: (code: string) => string | undefined;
  onProgress?: (progress: DownloadProgress) => void;
  /** each step as it starts, for the operator */
  onStep?: (step: string) => void;
}

/**
 * Download, extract, import, then replace the index. Any failure leaves the index in
 * service as it was; the scratch folder is removed either way.
 */
export async function fetchAnnuaire(options: FetchOptions): Promise<ImportReport & { bytes: number }> {
  const step = options.onStep ?? (() => {});
  const folder = dirname(options.indexPath);
  mkdirSync(folder, { recursive: true });
  removeAbandonedScratch(folder);
  const scratch = mkdtempSync(join(folder, SCRATCH_PREFIX));
  try {
    const archive = join(scratch, 'annuaire.tar.bz2');
    step(`downloading ${options.url}`);
    const bytes = await downloadFile(options.url, archive, options.onProgress ?? (() => {}));
    step('extracting');
    const json = await extractAnnuaireJson(archive, scratch);
    rmSync(archive);
    step('importing');
    const { index, report } = await buildAnnuaireIndex(json, options.canonical);
    if (report.loaded === 0) throw new FetchError('no usable office in the downloaded file');
    const previous = officesInService(options.indexPath);
    if (!options.force && previous !== undefined && report.loaded <= previous * MAX_SHARE_REFUSED) {
      throw new FetchError(`the export holds ${report.loaded} offices, the index in service ${previous}: a partial export? Rerun with --force to accept it`);
    }
    writeAnnuaireIndex(options.indexPath, index);
    return { ...report, bytes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
