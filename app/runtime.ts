import { join } from 'node:path';
import { createKnowledge, type KnowledgeOptions } from '../knowledge';
import type { Knowledge } from '../knowledge/types';
import { TreeRegistry } from '../bot/trees/registry';
import { compiledCache } from '../bot/trees/compiled-cache';
import { cacheRoot } from '../knowledge/file-cache';

export const ROOT = join(__dirname, '..');
export const DIALOGS_DIR = process.env.DIALOGS_DIR ?? join(ROOT, 'dialogs');

/** The compiled trees snapshot, in the trees/ folder of CACHE_DIR (none with CACHE_DIR=off). */
export function treesCache(log: (event: Record<string, unknown>) => void) {
  const root = cacheRoot();
  return root === undefined ? undefined : compiledCache(join(root, 'trees'), (msg) => log({ level: 'warn', msg }));
}

/** Knowledge and trees as the bot runs them, shared by the server and the command-line tools. */
export function loadBrain(options: KnowledgeOptions = {}, dialogsDir = DIALOGS_DIR): { knowledge: Knowledge; registry: TreeRegistry } {
  const knowledge = createKnowledge(options);
  // A catalog of the caller's own is not part of the snapshot's key: such brains compile their trees.
  const cache = options.catalog ? undefined : treesCache(options.log ?? ((event) => console.error(JSON.stringify(event))));
  const registry = new TreeRegistry(dialogsDir, knowledge, cache);
  return { knowledge, registry };
}
