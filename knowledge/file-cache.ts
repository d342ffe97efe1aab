import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Work done once and kept on disk for the next start (the compiled trees, the communes
// index), each file named by a key made of everything the result depends on: a change to any
// of it gives another key, so a stale file is never read, and old ones are pruned.

export const PROJECT_ROOT = join(__dirname, '..');

/** CACHE_DIR, else .cache in the project; undefined with CACHE_DIR=off. */
export function cacheRoot(): string | undefined {
  const dir = process.env.CACHE_DIR || join(PROJECT_ROOT, '.cache');
  return dir === 'off' ? undefined : dir;
}

/** Hex digest of the given files' (or folders') paths and contents, in a stable order. */
export function digestFiles(paths: string[]): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name));
    else hash.update(path.slice(PROJECT_ROOT.length)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}

export interface Codec<T> {
  /** the files' ending, one per kind of content sharing a folder */
  suffix: string;
  serialize(value: T): string;
  /** undefined when the text is of an older format */
  deserialize(text: string): T | undefined;
}

/** files kept per folder: the newest, so that switching between branches or edits stays fast */
const KEEP = 4;

export class FileCache<T> {
  /** @param onError told when the folder cannot be written or a file read: the caller computes the value instead */
  constructor(
    readonly dir: string,
    private readonly codec: Codec<T>,
    private readonly onError: (message: string) => void = () => {},
  ) {}

  read(key: string): T | undefined {
    let text: string;
    try {
      text = readFileSync(join(this.dir, key + this.codec.suffix), 'utf8');
    } catch {
      return undefined; // not written yet
    }
    try {
      return this.codec.deserialize(text);
    } catch (error) {
      this.onError(`cached ${this.codec.suffix} unreadable, computed again: ${String(error)}`);
      return undefined;
    }
  }

  /** Written whole or not at all (a temporary file renamed), then older files of the kind removed. */
  write(key: string, value: T): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const temporary = join(this.dir, `${key}.${process.pid}.tmp`);
      writeFileSync(temporary, this.codec.serialize(value));
      renameSync(temporary, join(this.dir, key + this.codec.suffix));
      this.prune();
    } catch (error) {
      this.onError(`cache not written (${this.dir}): ${String(error)}`);
    }
  }

  private prune(): void {
    const files = readdirSync(this.dir)
      .filter((name) => name.endsWith(this.codec.suffix))
      .map((name) => ({ path: join(this.dir, name), time: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of files.slice(KEEP)) rmSync(old.path, { force: true });
  }
}

/**
 * The value kept in the cache folder's `folder` under the digest of `sources`, else computed and
 * written there; computed every time with CACHE_DIR=off.
 */
export function cachedValue<T>(folder: string, codec: Codec<T>, sources: string[], compute: () => T): T {
  const root = cacheRoot();
  if (root === undefined) return compute();
  const cache = new FileCache<T>(join(root, folder), codec);
  const key = digestFiles(sources).slice(0, 32);
  const cached = cache.read(key);
  if (cached !== undefined) return cached;
  const value = compute();
  cache.write(key, value);
  return value;
}
