import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { Knowledge } from '../../knowledge/types';
import type { TreeRegistry } from '../../bot/trees/registry';
import { DiskTreeStore, TreePaths } from '../../bot/trees/store';
import { RedisTreeStore } from '../../bot/trees/store-redis';
import type { RedisClient } from '../../bot/state/redis-client';
import { compileInWorker } from './thread';
import { SharedTrees } from './shared';

/** after startup's own work (communes, annuaire index), so as not to slow the first requests */
const WARM_WORKER_AFTER_MS = 2000;

export interface SharedTreesOptions {
  registry: TreeRegistry;
  knowledge: Knowledge;
  dialogsDir: string;
  logger: Logger;
  /** every process on this Redis shares its edits; without it, the files on disk are the trees */
  redis?: { client: RedisClient; prefix: string };
}

/** The trees of this process, kept at the version every process shares. Problems name files from dialogs/'s parent. */
export function sharedTrees({ registry, knowledge, dialogsDir, logger, redis }: SharedTreesOptions): SharedTrees {
  const paths = new TreePaths(dialogsDir, dirname(dialogsDir));
  const store = redis ? new RedisTreeStore(redis.client, redis.prefix, paths) : new DiskTreeStore(paths);
  const compile = compileInWorker(knowledge);
  // A process that follows other processes' edits boots its worker once it serves, not on the first edit.
  if (redis) setTimeout(() => compile.warm(), WARM_WORKER_AFTER_MS).unref();
  return new SharedTrees(store, registry, compile, logger);
}
