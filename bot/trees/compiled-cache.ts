import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { digestFiles, FileCache, PROJECT_ROOT } from '../../knowledge/file-cache';
import type { Knowledge } from '../../knowledge/types';
import { readTreeSources, type TreeSource } from './files';
import type { TreeProblem } from './loader';
import { compileTreeSources, deserializePacked, PACK_FORMAT, serializePacked, unpackTrees, type LoadedTrees, type PackedTrees } from './packed';

// The compiled snapshot: trees parsed, checked and indexed once, written to a cache folder
// under a key made of everything the result depends on (the trees' texts and paths, the
// code that reads and indexes them, the service catalog, the dependencies' versions). A
// start whose trees and code are unchanged reads it instead of doing that work again.

/** what the packed trees depend on besides the tree texts: this code, the catalog, the packages */
const CODE_PATHS = ['bot', 'knowledge', 'package-lock.json'].map((path) => join(PROJECT_ROOT, path));

export type CompiledCache = FileCache<PackedTrees>;

/** The compiled trees kept in `dir`; `onError` hears of a snapshot that could not be read or written. */
export const compiledCache = (dir: string, onError?: (message: string) => void): CompiledCache =>
  new FileCache(dir, { suffix: '.trees.json', serialize: serializePacked, deserialize: deserializePacked }, onError);

export interface CompiledLoad {
  /** undefined when the trees have errors */
  loaded?: LoadedTrees;
  problems: TreeProblem[];
  /** whether the snapshot was read (true) or the trees were compiled (false) */
  fromSnapshot: boolean;
}

let codeDigest: string | undefined;

/** The key of a set of tree texts: the same texts, paths, code and format give the same key. */
export function snapshotKey(sources: TreeSource[]): string {
  codeDigest ??= digestFiles(CODE_PATHS);
  const hash = createHash('sha256').update(`${PACK_FORMAT}\0${codeDigest}\0`);
  for (const { file, text } of sources) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex').slice(0, 32);
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
