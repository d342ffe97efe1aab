import Redis from 'ioredis';
import type { TurnEvent } from '../../bot/conversation';
import type { TurnTrace } from '../../bot/engine/step';
import { MemoryReviewStore, recordTurn, type ReviewStore } from '../../app/agent/review';
import { RedisReviewStore } from '../../app/agent/review-redis';

const turn = (conversation: string, text: string, trace: Partial<TurnTrace>): TurnEvent => ({
  channel: 'sms',
  conversation,
  text,
  durationMs: 1,
  trace: { normalized: '', candidates: [], urgent: false, ...trace },
});

const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1 });
const prefix = `test:review:${process.pid}:${Date.now()}:`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe.each([
  ['in memory', () => new MemoryReviewStore() as ReviewStore],
  ['in Redis', () => new RedisReviewStore(redis, `${prefix}${Math.random()}:`) as ReviewStore],
])('the review of misunderstood messages, %s', (_name, makeStore) => {
  test('groups the same message written differently, with counts per reason, masked', async () => {
    const store = makeStore();
    await recordTurn(store, turn('a', 'Mon badge de cantine 06 12 34 56 78', { fallback: 1, candidates: [] }));
    await recordTurn(store, turn('b', 'mon badge de cantine 07 98 76 54 32 !', { fallback: 2 }));
    await recordTurn(store, turn('c', 'passeport ou carte', { ambiguous: true, candidates: [{ id: 'passeport', score: 0.7, matched: ['passeport'] }] }));
    const groups = await store.list();
    expect(groups.map((g) => [g.text, g.count, g.reasons])).toEqual([
      ['Mon badge de cantine [téléphone]', 2, { no_match: 2 }],
      ['passeport ou carte', 1, { ambiguous: 1 }],
    ]);
    expect(JSON.stringify(groups)).not.toMatch(/06 12|07 98/);
  });

  test('"ce n’est pas ça" files the message that chose the need, not the complaint', async () => {
    const store = makeStore();
    const chosen = { intent: 'passeport', candidates: [{ id: 'passeport', score: 0.9, matched: ['voyager'] }] };
    await recordTurn(store, turn('a', 'je dois voyager, mon nom est Durand', chosen));
    await recordTurn(store, turn('a', "ce n'est pas ça", { command: 'notThat', disagreed: true }));
    expect((await store.list()).map((g) => [g.text, g.reasons])).toEqual([['je dois voyager, mon nom est [nom]', { disagreed: 1 }]]);
  });

  test('a need understood with a low score is a near miss; a clear one is not kept', async () => {
    const store = makeStore();
    await recordTurn(store, turn('a', 'papier voyage', { intent: 'passeport', candidates: [{ id: 'passeport', score: 0.55, matched: ['voyage'] }] }));
    await recordTurn(store, turn('b', 'mon passeport', { intent: 'passeport', candidates: [{ id: 'passeport', score: 1, matched: ['passeport'] }] }));
    expect((await store.list()).map((g) => [g.text, g.reasons])).toEqual([['papier voyage', { low_confidence: 1 }]]);
  });

  test('STOP forgets the last message of the conversation; an agent can remove a group', async () => {
    const store = makeStore();
    await recordTurn(store, turn('a', 'mon passeport', { intent: 'passeport', candidates: [{ id: 'passeport', score: 1, matched: [] }] }));
    await recordTurn(store, turn('a', 'stop', { command: 'stop' }));
    await recordTurn(store, turn('a', "ce n'est pas ça", { command: 'notThat', disagreed: true }));
    expect(await store.list()).toEqual([]);
    await recordTurn(store, turn('b', 'blabla', { fallback: 1 }));
    const [group] = await store.list();
    await store.remove(group.key);
    expect(await store.list()).toEqual([]);
  });
});
