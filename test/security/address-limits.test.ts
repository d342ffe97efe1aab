// Finding 3 of issue #13: rate limits keyed only on the conversation id the client chooses;
// 200 messages with rotating ids all got 200. Now every client address has a budget too.
import { randomBytes } from 'node:crypto';
import { deleteKeys } from '../ops/support/processes';
import { post, realServer, stopAll } from './support';

jest.setTimeout(180_000);
const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `test:security:${randomBytes(6).toString('hex')}:`;
const BUDGET = { CLIENT_RATE_LIMIT_REQUESTS: '20', CLIENT_RATE_LIMIT_WINDOW_SECONDS: '60' };
afterAll(async () => {
  await stopAll();
  await deleteKeys(REDIS_URL, PREFIX);
});

const message = (url: string, conversation: string) => post(`${url}/api/conversations/${conversation}/messages`, { text: 'carte grise' });

test('rotating conversation ids from one address gets 429 with Retry-After once the budget is spent', async () => {
  const bot = await realServer(BUDGET);
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await message(bot.url, `rotating-${i}`)).status);
  expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
  expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
  const refused = await post(`${bot.url}/api/orient`, { text: 'carte grise' });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
});

test('behind a trusted proxy (TRUST_PROXY=1) each forwarded address has its own budget', async () => {
  const bot = await realServer({ ...BUDGET, TRUST_PROXY: '1' });
  const from = (address: string, i: number) => post(`${bot.url}/api/orient`, { text: `carte ${i}` }, { 'x-forwarded-for': address });
  for (let i = 0; i < 20; i++) expect((await from('203.0.113.7', i)).status).toBe(200);
  expect((await from('203.0.113.7', 21)).status).toBe(429);
  expect((await from('198.51.100.9', 22)).status).toBe(200);
});

test('with Redis, two processes share one budget per address', async () => {
  const env = { ...BUDGET, REDIS_URL, REDIS_KEY_PREFIX: PREFIX };
  const [a, b] = await Promise.all([realServer(env), realServer(env)]);
  const statuses: number[] = [];
  for (let i = 0; i < 15; i++) statuses.push((await message(a.url, `a-${i}`)).status, (await message(b.url, `b-${i}`)).status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(20);
  expect(statuses.filter((s) => s === 429)).toHaveLength(10);
});
