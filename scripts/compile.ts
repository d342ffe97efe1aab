// `npm run compile`: writes the compiled trees snapshot and the communes index to the cache
// folder (CACHE_DIR, default .cache), as the first start would, so that the next start reads
// them. The Dockerfile runs it, so that a container starts from them (its files are read-only).
import { join } from 'node:path';
import { loadBrain } from '../app/runtime';
import { communeData } from '../knowledge/communes/data';
import { cacheRoot } from '../knowledge/file-cache';

const root = cacheRoot();
if (root === undefined) {
  console.error('CACHE_DIR=off: nothing to write.');
  process.exit(1);
}
const started = performance.now();
const { registry } = loadBrain({ annuaireIndex: null, territoriesDir: null });
communeData();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${registry.current.trees.intents.length} needs and the communes index ready in ${join(root, 'trees')} and ${join(root, 'communes')} (${seconds} s).`,
);
