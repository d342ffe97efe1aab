import type { Redis } from 'ioredis';
import type { RedisClient } from '../state/redis-client';
import type { TreeSource } from './files';
import { textHash, type TreePaths, type TreeSnapshot, type TreeStore, type WriteResult } from './store';

// Agents' edits and the trees' version, shared by every process through Redis; the files on
// disk stay what a deployment brings. An edit is kept with the hash of the deployed file it
// was made on: once a deployment changes that file, the deployed file wins (the edit stays in
// the agents' audit trail, to be carried into the repository).

// The version moves only if it is still the one the edit was made from: two agents editing
// from the same version get one success and one conflict, never a lost edit.
const WRITE_IF_VERSION = `
local current = tonumber(redis.call('get', KEYS[1]) or '0')
if current ~= tonumber(ARGV[1]) then return {0, current} end
if ARGV[2] ~= '' then redis.call('hset', KEYS[2], ARGV[2], ARGV[3]) end
return {1, redis.call('incr', KEYS[1])}`;

/** long enough for every process to load a version announced, short enough not to pile up */
const PACK_TTL_MS = 10 * 60_000;

interface StoredEdit {
  /** hash of the file on disk the edit was made on */
  base: string;
  text: string;
}

type WithScripts = RedisClient & {
  writeIfVersion(version: string, edits: string, baseVersion: number, key: string, edit: string): Promise<[number, number]>;
};

export class RedisTreeStore implements TreeStore {
  private readonly redis: WithScripts;
  private readonly keys: { version: string; edits: string; channel: string; pack: string };
  private subscriber?: RedisClient;

  /** prefix: the bot's key prefix (REDIS_KEY_PREFIX); the keys share one Cluster slot */
  constructor(
    redis: RedisClient,
    prefix: string,
    private readonly paths: TreePaths,
  ) {
    redis.defineCommand('writeIfVersion', { numberOfKeys: 2, lua: WRITE_IF_VERSION });
    this.redis = redis as WithScripts;
    this.keys = {
      version: `${prefix}{trees}:version`,
      edits: `${prefix}{trees}:edits`,
      channel: `${prefix}{trees}:changed`,
      pack: `${prefix}{trees}:compiled:`,
    };
  }

  async read(): Promise<TreeSnapshot> {
    const [[, version], [, edits]] = (await this.redis.multi().get(this.keys.version).hgetall(this.keys.edits).exec()) as [
      [unknown, string | null],
      [unknown, Record<string, string>],
    ];
    const disk = await this.paths.read();
    let edited = false;
    const sources = disk.map((source): TreeSource => {
      const stored = edits[this.paths.key(source.file)];
      const edit = stored ? (JSON.parse(stored) as StoredEdit) : undefined;
      if (!edit || edit.base !== textHash(source.text) || edit.text === source.text) return source;
      edited = true;
      return { file: source.file, text: edit.text };
    });
    return { version: Number(version ?? 0), sources, edited };
  }

  // Without any stored edit, the files on disk are the trees: they are not read again.
  async catchUp(): Promise<{ version: number; edited?: TreeSnapshot }> {
    const [[, version], [, edits]] = (await this.redis.multi().get(this.keys.version).hlen(this.keys.edits).exec()) as [
      [unknown, string | null],
      [unknown, number],
    ];
    if (edits === 0) return { version: Number(version ?? 0) };
    const snapshot = await this.read();
    return { version: snapshot.version, edited: snapshot.edited ? snapshot : undefined };
  }

  async version(): Promise<number> {
    return Number((await this.redis.get(this.keys.version)) ?? 0);
  }

  async write(file: string, text: string, baseVersion: number): Promise<WriteResult> {
    const deployed = (await this.paths.read()).find((source) => source.file === file);
    if (!deployed) throw new Error(`${file} is not a tree file`);
    const edit: StoredEdit = { base: textHash(deployed.text), text };
    const [ok, version] = await this.redis.writeIfVersion(this.keys.version, this.keys.edits, baseVersion, this.paths.key(file), JSON.stringify(edit));
    if (ok) await this.announce(version);
    return { ok: ok === 1, version };
  }

  async bump(): Promise<number> {
    const version = await this.redis.incr(this.keys.version);
    await this.announce(version);
    return version;
  }

  // As bytes: megabytes of text encoded or decoded on the thread that answers citizens took tens of milliseconds.
  async share(version: number, compiled: Buffer): Promise<void> {
    await this.redis.set(`${this.keys.pack}${version}`, compiled, 'PX', PACK_TTL_MS).catch(() => undefined);
  }

  async shared(version: number): Promise<Buffer | undefined> {
    return (await this.redis.getBuffer(`${this.keys.pack}${version}`).catch(() => null)) ?? undefined;
  }

  subscribe(onVersion: (version: number) => void): void {
    // A connection in subscriber mode serves nothing else; ioredis subscribes again after a reconnection.
    const subscriber = (this.subscriber = (this.redis as Redis).duplicate());
    subscriber.on('error', () => undefined); // the main client already reports outages
    subscriber.on('message', (_channel: string, message: string) => onVersion(Number(message)));
    const listen = () => void subscriber.subscribe(this.keys.channel).catch(() => undefined);
    if (subscriber.status === 'ready') listen();
    else subscriber.once('ready', listen);
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }

  private async announce(version: number): Promise<void> {
    await this.redis.publish(this.keys.channel, String(version)).catch(() => undefined);
  }
}
