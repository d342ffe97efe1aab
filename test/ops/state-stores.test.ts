// Both state stores keep the same promises: expiry, a trace for polite restarts, no lost
// update, webhook idempotency. The Redis one is checked against the real Redis at 6379.
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StateStore } from '../../bot/state/types';
import { StateUnavailableError, initialState } from '../../bot/state/types';
import { MemoryStateStore } from '../../bot/state/memory';
import { RedisStateStore } from '../../bot/state/redis';
import { deleteKeys, testPrefix } from './support/processes';

const REDIS_URL = 'redis://127.0.0.1:6379';
const lifetimes = { ttlMs: 200, expiredNoticeMs: 5000, idempotencyTtlMs: 200 };
const prefix = testPrefix();
const clients: Redis[] = [];

function redisStore(): RedisStateStore {
  const client = new Redis(REDIS_URL, { enableAutoPipelining: true });
  clients.push(client);
  return new RedisStateStore(client, { ...lifetimes, prefix, leaseMs: 2000, waitMs: 2000 });
}

afterAll(async () => {
  await deleteKeys(REDIS_URL, prefix);
  await Promise.all(clients.map((c) => c.quit()));
});

// The peer is what another process sees: the same memory, or another client of the same Redis.
const stores: [string, () => StateStore, (store: StateStore) => StateStore][] = [
  ['memory', () => new MemoryStateStore(lifetimes), (store) => store],
  ['redis', redisStore, redisStore],
];

describe.each(stores)('%s state store', (name, makeStore, peerOf) => {
  let store: StateStore;
  beforeEach(() => {
    store = makeStore();
  });

  test('keeps a state until it has been idle too long, then remembers only that it existed', async () => {
    const state = { ...initialState(), commune: '59350' };
    await store.set('conv:a', state);
    expect(await store.get('conv:a')).toEqual(state);
    expect(await store.expired('conv:a')).toBe(false);
    await sleep(250);
    expect(await store.get('conv:a')).toBeUndefined();
    expect(await store.expired('conv:a')).toBe(true);
    expect(await store.expired('conv:never-seen')).toBe(false);
    // the same answers inside an update, where the Redis store reads them with its lock
    await store.exclusive('conv:a', async () => {
      expect(await store.get('conv:a')).toBeUndefined();
      expect(await store.expired('conv:a')).toBe(true);
      await store.set('conv:a', state);
      expect(await store.get('conv:a')).toEqual(state);
      expect(await store.expired('conv:a')).toBe(false);
    });
  });

  test('delete forgets the state and the trace (STOP)', async () => {
    await store.set('conv:b', initialState());
    await store.delete('conv:b');
    expect(await store.get('conv:b')).toBeUndefined();
    expect(await store.expired('conv:b')).toBe(false);
  });

  test('50 simultaneous updates of one conversation are all kept', async () => {
    const key = `conv:c:${name}`;
    await store.set(key, initialState());
    const other = peerOf(store);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? store : other).exclusive(key, async () => {
          const s = (await store.get(key))!;
          await sleep(Math.random() * 3);
          await store.set(key, { ...s, misses: s.misses + 1 });
        }),
      ),
    );
    expect((await store.get(key))!.misses).toBe(50);
  });

  test('a webhook event is pending while answered, then recognised until its idempotency key expires', async () => {
    const id = `sms:SM${Date.now()}`;
    expect(await store.claim(id, 100)).toBe('new');
    expect(await store.claim(id, 100)).toBe('pending');
    await store.prolong(id, 300);
    await sleep(150);
    expect(await store.claim(id, 100)).toBe('pending'); // prolonged past its first 100 ms
    await store.remember(id);
    expect(await store.claim(id, 100)).toBe('answered');
    await sleep(250);
    expect(await store.claim(id, 100)).toBe('new');
  });

  test('a claim whose holder stopped prolonging it (a crash) lapses', async () => {
    const id = `sms:SM${Date.now()}:crashed`;
    expect(await store.claim(id, 100)).toBe('new');
    await sleep(150);
    expect(await store.claim(id, 100)).toBe('new');
  });
});

describe('redis state store, across processes', () => {
  test('a turn longer than its lease keeps the conversation: the other process waits, both updates are kept', async () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    const slow = new RedisStateStore(client, { ...lifetimes, ttlMs: 10_000, prefix, leaseMs: 200, waitMs: 5000 });
    const other = redisStore();
    const key = 'conv:long-turn';
    await slow.set(key, initialState());
    const long = slow.exclusive(key, async () => {
      await sleep(800); // four leases: renewed all along
      await slow.set(key, { ...(await slow.get(key))!, misses: 1 });
    });
    await sleep(100);
    const started = Date.now();
    await other.exclusive(key, async () => other.set(key, { ...(await other.get(key))!, misses: (await other.get(key))!.misses + 1 }));
    await long;
    expect(Date.now() - started).toBeGreaterThan(500);
    expect((await other.get(key))!.misses).toBe(2);
  });

  test('a process paused past its lease cannot overwrite the update made after it', async () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    const slow = new RedisStateStore(client, { ...lifetimes, prefix, leaseMs: 100, waitMs: 1000 });
    const other = redisStore();
    const key = 'conv:paused';
    const stale = slow.exclusive(key, async () => {
      // The whole process stops (a long GC pause, a blocked event loop): no renewal can run,
      // and the lease lapses. Meanwhile another process updates the conversation.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
      await other.exclusive(key, () => other.set(key, { ...initialState(), commune: 'newer' }));
      await slow.set(key, { ...initialState(), commune: 'stale' });
    });
    await expect(stale).rejects.toBeInstanceOf(StateUnavailableError);
    expect((await other.get(key))?.commune).toBe('newer');
  });

  test('a process stalled past its lease with nobody else on the conversation still saves its turn', async () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    const stalled = new RedisStateStore(client, { ...lifetimes, ttlMs: 10_000, prefix, leaseMs: 100, waitMs: 1000 });
    const key = 'conv:stalled';
    await stalled.exclusive(key, async () => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250); // no renewal can run
      await stalled.set(key, { ...initialState(), commune: 'saved' });
    });
    expect((await stalled.get(key))?.commune).toBe('saved');
  });

  test('with no expiry notice configured, nothing is kept after the state expires', async () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    const store = new RedisStateStore(client, { ...lifetimes, expiredNoticeMs: 0, prefix, leaseMs: 1000, waitMs: 1000 });
    await store.set('conv:no-trace', initialState());
    await sleep(250);
    expect(await store.expired('conv:no-trace')).toBe(false);
  });
});
