// Several real bot processes sharing one Redis, restarts, Redis outages and concurrency,
// all through HTTP on localhost, the way a load balancer would send messages.
import { setTimeout as sleep } from 'node:timers/promises';
import { MESSAGES } from '../../bot/messages';
import type { BotProcess, ThrowawayRedis } from './support/processes';
import { COUNTING_SERVER, REAL_SERVER, deleteKeys, eventually, health, send, startBot, testPrefix, throwawayRedis } from './support/processes';

jest.setTimeout(60_000);

const SHARED_REDIS = 'redis://127.0.0.1:6379';
const running: BotProcess[] = [];

// The real server with the bundled trees, or the counting engine where an exact count of
// recorded messages is the point.
async function bot(env: Record<string, string>, entry = REAL_SERVER): Promise<BotProcess> {
  const started = await startBot({ STATE_SECRET: 'test-secret', ...env }, entry);
  running.push(started);
  return started;
}

const LOST_CARD = 'J’ai perdu ma carte d’identité';
const WHERE = "Vous habitez en France ou à l'étranger ?";
const asksWhere = (texts: string[]) => texts.some((t) => t.includes(WHERE));
const orientsToIdCard = (texts: string[]) => texts.some((t) => t.startsWith("Carte d'identité") && t.includes('mairie'));

afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.kill()));
});

describe('several bot processes on one Redis', () => {
  const prefix = testPrefix();
  const env = { REDIS_URL: SHARED_REDIS, REDIS_KEY_PREFIX: prefix };
  afterAll(() => deleteKeys(SHARED_REDIS, prefix));

  test('Anne asks on one process and her answer, sent to another, gets her orientation', async () => {
    const [a, b] = await Promise.all([bot(env), bot(env)]);
    expect(asksWhere((await send(a.port, 'anne', LOST_CARD)).texts)).toBe(true);
    const answer = await send(b.port, 'anne', '1');
    expect(answer.status).toBe(200);
    expect(orientsToIdCard(answer.texts)).toBe(true);
    // Bruno's "1" on the same process means nothing: the state is Anne's alone.
    expect(orientsToIdCard((await send(b.port, 'bruno', '1')).texts)).toBe(false);
  });

  test('a process killed in the middle of a conversation loses nothing', async () => {
    const first = await bot(env);
    expect(asksWhere((await send(first.port, 'chloe', LOST_CARD)).texts)).toBe(true);
    await first.kill();
    const second = await bot(env);
    expect(orientsToIdCard((await send(second.port, 'chloe', 'En France')).texts)).toBe(true);
  });

  test('50 simultaneous messages of one person, spread over two processes, are all counted once', async () => {
    const counting = { ...env, RATE_LIMIT_MESSAGES: '0' };
    const [a, b] = await Promise.all([bot(counting, COUNTING_SERVER), bot(counting, COUNTING_SERVER)]);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => send(i % 2 ? a.port : b.port, 'david', `message ${i}`)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const numbers = answers.map((answer) => Number(answer.texts[0].replace('Message n° ', ''))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await send(a.port, 'david', 'et après ?')).texts).toEqual(['Message n° 51']);
  });

  test('SIGTERM lets the message in flight finish before the process exits', async () => {
    const started = await bot(env);
    await send(started.port, 'emma', LOST_CARD);
    // Hold Emma's conversation as another process would, so that her next message waits.
    const { default: Redis } = await import('ioredis');
    const { Conversations } = await import('../../bot/conversation');
    const { MemoryStateStore } = await import('../../bot/state/memory');
    const key = new Conversations(new MemoryStateStore(1000), () => ({}) as never, 'test-secret').key('rest', 'emma');
    const redis = new Redis(SHARED_REDIS);
    await redis.set(`${prefix}{${key}}:lock`, 'other-process', 'PX', 4000);

    const inFlight = send(started.port, 'emma', '1');
    await sleep(300);
    const exit = started.stop();
    await sleep(300);
    await redis.del(`${prefix}{${key}}:lock`);
    await redis.quit();

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(orientsToIdCard(answer.texts)).toBe(true);
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
    expect(asksWhere((await send(started.port, 'farid', LOST_CARD)).texts)).toBe(true);
    expect(await health(started.port)).toMatchObject({ status: 'ok', state: 'ok' });

    await redis.stop();
    const during = await send(started.port, 'farid', '1');
    expect(during).toEqual({ status: 503, texts: [MESSAGES.unavailable] });
    expect(during.texts[0]).toContain('39 39');
    expect(await health(started.port)).toMatchObject({ status: 'degraded', state: 'degraded' });

    await redis.start();
    const healed = await eventually(
      () => health(started.port),
      (h) => h.status === 'ok',
    );
    expect(healed.status).toBe('ok');
    // This throwaway Redis keeps nothing on disk, so Farid starts afresh; a persistent one would resume.
    const after = await send(started.port, 'farid', LOST_CARD);
    expect(after.status).toBe(200);
    expect(asksWhere(after.texts)).toBe(true);
    expect(started.child.exitCode).toBeNull();
    expect(started.logs.some((line) => line.msg === 'redis is back')).toBe(true);
  });

  test('a bot started while Redis is away starts degraded and recovers alone', async () => {
    await redis.stop();
    const started = await bot({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: testPrefix() });
    expect((await send(started.port, 'gaelle', LOST_CARD)).status).toBe(503);
    await redis.start();
    const answer = await eventually(
      () => send(started.port, 'gaelle', LOST_CARD),
      (a) => a.status === 200,
    );
    expect(asksWhere(answer.texts)).toBe(true);
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
