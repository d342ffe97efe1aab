// Several real bot processes sharing one Redis, restarts, Redis outages and concurrency,
// all through HTTP on localhost, the way a load balancer would send messages.
import { setTimeout as sleep } from 'node:timers/promises';
import { NOTICES } from '../../bot/conversation';
import type { BotProcess, ThrowawayRedis } from './support/processes';
import { deleteKeys, eventually, health, send, startBot, testPrefix, throwawayRedis } from './support/processes';

jest.setTimeout(60_000);

const SHARED_REDIS = 'redis://127.0.0.1:6379';
const running: BotProcess[] = [];

async function bot(env: Record<string, string>): Promise<BotProcess> {
  const started = await startBot({ STATE_SECRET: 'test-secret', ...env });
  running.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.kill()));
});

describe('several bot processes on one Redis', () => {
  const prefix = testPrefix();
  const env = { REDIS_URL: SHARED_REDIS, REDIS_KEY_PREFIX: prefix };
  afterAll(() => deleteKeys(SHARED_REDIS, prefix));

  test('a conversation begun on one process goes on on another', async () => {
    const [a, b] = await Promise.all([bot(env), bot(env)]);
    expect((await send(a.port, 'anne', 'bonjour')).texts).toEqual(['Message n° 1']);
    expect((await send(b.port, 'anne', 'suite')).texts).toEqual(['Message n° 2']);
    expect((await send(a.port, 'anne', 'encore')).texts).toEqual(['Message n° 3']);
    expect((await send(b.port, 'bruno', 'bonjour')).texts).toEqual(['Message n° 1']);
  });

  test('a process killed in the middle of a conversation loses nothing', async () => {
    const first = await bot(env);
    await send(first.port, 'chloe', 'bonjour');
    await send(first.port, 'chloe', 'suite');
    await first.kill();
    const second = await bot(env);
    expect((await send(second.port, 'chloe', 'me revoilà')).texts).toEqual(['Message n° 3']);
  });

  test('50 simultaneous messages of one person, spread over two processes, are all counted once', async () => {
    const [a, b] = await Promise.all([bot({ ...env, RATE_LIMIT_MESSAGES: '0' }), bot({ ...env, RATE_LIMIT_MESSAGES: '0' })]);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(i % 2 ? a.port : b.port, 'david', `message ${i}`)),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const numbers = answers.map((answer) => Number(answer.texts[0].replace('Message n° ', ''))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await send(a.port, 'david', 'et après ?')).texts).toEqual(['Message n° 51']);
  });

  test('SIGTERM lets the message in flight finish before the process exits', async () => {
    const started = await bot(env);
    await send(started.port, 'emma', 'bonjour');
    // Hold Emma's conversation as another process would, so that her next message waits.
    const { default: Redis } = await import('ioredis');
    const { Conversations } = await import('../../bot/conversation');
    const { MemoryStateStore } = await import('../../bot/state/memory');
    const key = new Conversations(new MemoryStateStore(1000), () => ({}) as never, 'test-secret').key('rest', 'emma');
    const redis = new Redis(SHARED_REDIS);
    await redis.set(`${prefix}{${key}}:lock`, 'other-process', 'PX', 4000);

    const inFlight = send(started.port, 'emma', 'suite');
    await sleep(300);
    const exit = started.stop();
    await sleep(300);
    await redis.del(`${prefix}{${key}}:lock`);
    await redis.quit();

    expect(await inFlight).toEqual({ status: 200, texts: ['Message n° 2'] });
    expect(await exit).toBe(0);
  });
});

describe('Redis outage', () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    redis = await throwawayRedis();
  });
  afterAll(() => redis.stop());

  test('the person gets an apology with 39 39, health says degraded, and all recovers when Redis returns', async () => {
    const started = await bot({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: testPrefix() });
    expect((await send(started.port, 'farid', 'bonjour')).texts).toEqual(['Message n° 1']);
    expect(await health(started.port)).toMatchObject({ status: 'ok', state: 'ok' });

    await redis.stop();
    const during = await send(started.port, 'farid', 'suite');
    expect(during).toEqual({ status: 503, texts: [NOTICES.unavailable] });
    expect(during.texts[0]).toContain('39 39');
    expect(await health(started.port)).toMatchObject({ status: 'degraded', state: 'degraded' });

    await redis.start();
    const healed = await eventually(() => health(started.port), (h) => h.status === 'ok');
    expect(healed.status).toBe('ok');
    // This throwaway Redis keeps nothing on disk, so Farid starts afresh; a persistent one would resume.
    expect(await send(started.port, 'farid', 'me revoilà')).toEqual({ status: 200, texts: ['Message n° 1'] });
    expect(started.child.exitCode).toBeNull();
    expect(started.logs.some((line) => line.msg === 'redis is back')).toBe(true);
  });

  test('a bot started while Redis is away starts degraded and recovers alone', async () => {
    await redis.stop();
    const started = await bot({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: testPrefix() });
    expect((await send(started.port, 'gaelle', 'bonjour')).status).toBe(503);
    await redis.start();
    const answer = await eventually(() => send(started.port, 'gaelle', 'bonjour'), (a) => a.status === 200);
    expect(answer.texts).toEqual(['Message n° 1']);
  });
});

describe('privacy of the logs', () => {
  test('no message text and no user id reach the logs', async () => {
    const started = await bot({});
    await send(started.port, '+33612345678', 'Je m’appelle Hélène Martin');
    await started.stop();
    const printed = JSON.stringify(started.logs);
    expect(printed).toContain('"msg":"turn"');
    expect(printed).not.toContain('Hélène');
    expect(printed).not.toContain('33612345678');
  });
});
