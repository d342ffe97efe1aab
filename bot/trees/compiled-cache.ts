import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../../knowledge/types';
import { readTreeSources, type TreeSource } from './files';
import type { TreeProblem } from './loader';
import { compileTreeSources, deserializePacked, PACK_FORMAT, serializePacked, unpackTrees, type LoadedTrees, type PackedTrees } from './packed';

// The compiled snapshot: trees parsed, checked and indexed once, written to a cache folder
// under a key made of everything the result depends on (the trees' texts and paths, the
// code that reads and indexes them, the service catalog, the dependencies' versions). A
// start whose trees and code are unchanged reads it instead of doing that work again; any
// change gives another key, so a stale snapshot is never read.

const ROOT = join(__dirname, '..', '..');
/** what the packed trees depend on besides the tree texts: this code, the catalog, the packages */
const CODE_PATHS = [join(ROOT, 'bot'), join(ROOT, 'knowledge'), join(ROOT, 'package-lock.json')];
/** snapshots kept per folder: the newest, so that switching between branches or edits stays fast */
const KEEP = 4;
const SUFFIX = '.trees.json';

export interface CompiledLoad {
  /** undefined when the trees have errors */
  loaded?: LoadedTrees;
  problems: TreeProblem[];
  /** whether the snapshot was read (true) or the trees were compiled (false) */
  fromSnapshot: boolean;
}

let codeDigest: string | undefined;

/** Digest of the code and data the packed form depends on, computed once per process. */
function codeVersion(): string {
  if (codeDigest) return codeDigest;
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name));
    else hash.update(path.slice(ROOT.length)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const path of CODE_PATHS) add(path);
  codeDigest = hash.digest('hex');
  return codeDigest;
}

/** The key of a set of tree texts: the same texts, paths, code and format give the same key. */
export function snapshotKey(sources: TreeSource[]): string {
  const hash = createHash('sha256').update(`${PACK_FORMAT}\0${codeVersion()}\0`);
  for (const { file, text } of sources) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex').slice(0, 32);
}

export class CompiledCache {
  /** @param onError told when the folder cannot be written or a snapshot read: the trees are compiled instead */
  constructor(
    readonly dir: string,
    private readonly onError: (message: string) => void = () => {},
  ) {}

  read(key: string): PackedTrees | undefined {
    const path = join(this.dir, key + SUFFIX);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined; // not written yet
    }
    try {
      return deserializePacked(text);
    } catch (error) {
      this.onError(`compiled trees snapshot unreadable, compiling the trees: ${String(error)}`);
      return undefined;
    }
  }

  /** Written whole or not at all (a temporary file renamed), then older snapshots removed. */
  write(key: string, packed: PackedTrees): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const temporary = join(this.dir, `${key}.${process.pid}.tmp`);
      writeFileSync(temporary, serializePacked(packed));
      renameSync(temporary, join(this.dir, key + SUFFIX));
      this.prune();
    } catch (error) {
      this.onError(`compiled trees snapshot not written (${this.dir}): ${String(error)}`);
    }
  }

  private prune(): void {
    const snapshots = readdirSync(this.dir)
      .filter((name) => name.endsWith(SUFFIX))
      .map((name) => ({ path: join(this.dir, name), time: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of snapshots.slice(KEEP)) rmSync(old.path, { force: true });
  }
}

/**
 * The trees of `dir`, from the snapshot when one matches their texts, else parsed, checked
 * and indexed (and the snapshot written when they have no error). Without a cache, always compiled.
 */
export function loadCompiled(dir: string, knowledge: Knowledge, cache?: CompiledCache, root = process.cwd()): CompiledLoad {
  const sources = readTreeSources(dir, root);
  const key = cache && snapshotKey(sources);
  const snapshot = cache && key ? cache.read(key) : undefined;
  if (snapshot) return { loaded: unpackTrees(snapshot, knowledge), problems: snapshot.problems, fromSnapshot: true };
  const { packed, problems } = compileTreeSources(sources, knowledge);
  if (packed && cache && key) cache.write(key, packed);
  return { loaded: packed && unpackTrees(packed, knowledge), problems, fromSnapshot: false };
}
