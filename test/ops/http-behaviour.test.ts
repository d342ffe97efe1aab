// What a person or a client sees at the HTTP edge: polite refusals, restarts, rate limits,
// clear 4xx for broken requests, and the counters an operator watches.
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../app/config';
import { startBot } from '../../app/ops/start';
import type { RunningBot } from '../../app/ops/start';
import { MESSAGES } from '../../bot/messages';
import { loadBrain } from '../../app/runtime';
import { countingStep } from './support/counting-engine';
import { send } from './support/processes';

const brain = loadBrain();
const running: RunningBot[] = [];

/** The bot in this process; the counting engine unless `realEngine`, so that state progress shows. */
async function bot(env: Record<string, string> = {}, { stateTtlMs, realEngine = false }: { stateTtlMs?: number; realEngine?: boolean } = {}): Promise<number> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', STATE_SECRET: 's', ...env });
  if (stateTtlMs) config.stateTtlMs = stateTtlMs;
  const started = await startBot({ config, brain, engine: realEngine ? undefined : countingStep });
  running.push(started);
  return (started.server.address() as { port: number }).port;
}

// A process's first start reads what the first turns need (communes, eld's model, the
// dictionary): seconds on a busy machine, once, before the tests below time their own steps.
beforeAll(async () => {
  await bot();
}, 60_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.stop()));
});

function post(port: number, body: string, path = '/api/conversations/x/messages') {
  return fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

test('a person who comes back after the conversation expired is told so, and starts afresh', async () => {
  const port = await bot({}, { stateTtlMs: 150 });
  await send(port, 'helene', 'bonjour');
  await send(port, 'helene', 'suite');
  await sleep(200);
  expect(await send(port, 'helene', 'me revoilà')).toEqual({ status: 200, texts: [`${MESSAGES.expired}\nMessage n° 1`] });
  expect(await send(port, 'helene', 'et ensuite')).toEqual({ status: 200, texts: ['Message n° 2'] });
});

test('after STOP the bot keeps nothing, not even the trace of an expired conversation', async () => {
  const port = await bot();
  await send(port, 'ines', 'bonjour');
  await send(port, 'ines', 'STOP');
  expect(await send(port, 'ines', 'bonjour')).toEqual({ status: 200, texts: ['Message n° 1'] });
});

test('a message over the size cap is refused politely and leaves the conversation as it was', async () => {
  const port = await bot({ MAX_MESSAGE_CHARS: '100' });
  await send(port, 'jules', 'bonjour');
  expect(await send(port, 'jules', 'a'.repeat(101))).toEqual({ status: 413, texts: [MESSAGES.tooLong(100)] });
  expect((await send(port, 'jules', 'court')).texts).toEqual(['Message n° 2']);
});

test('a request body over the byte cap gets 413 and a JSON reason', async () => {
  const port = await bot({ MAX_BODY_BYTES: '2048' });
  const res = await post(port, JSON.stringify({ text: 'é'.repeat(5000) }));
  expect(res.status).toBe(413);
  expect(await res.json()).toEqual({ error: 'Message trop long.' });
});

test.each([
  ['broken JSON', '{"text":'],
  ['no text', '{"message":"bonjour"}'],
  ['text that is not a string', '{"text":42}'],
])('a malformed request (%s) gets 400 with a reason, and the bot goes on', async (_case, body) => {
  const port = await bot();
  const res = await post(port, body);
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toMatch(/JSON|text/);
  expect((await send(port, 'karim', 'bonjour')).status).toBe(200);
});

test('someone sending too many messages is asked to wait, without slowing anybody else', async () => {
  const port = await bot({ RATE_LIMIT_MESSAGES: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
  for (let i = 1; i <= 3; i++) expect((await send(port, 'leo', `m${i}`)).texts).toEqual([`Message n° ${i}`]);
  expect(await send(port, 'leo', 'm4')).toEqual({ status: 429, texts: [MESSAGES.rateLimited] });
  expect((await send(port, 'maya', 'bonjour')).texts).toEqual(['Message n° 1']);
});

test('/metrics counts turns, fallbacks and emergencies per channel', async () => {
  const port = await bot({ METRICS_TOKEN: 'metrics-token' });
  await send(port, 'nina', 'bonjour');
  await send(port, 'nina', '???');
  await send(port, 'nina', 'urgence');
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: 'Bearer metrics-token' } })).text();
  expect(metrics).toContain('orientation_turns_total{channel="rest",status="answered"} 3');
  expect(metrics).toContain('orientation_fallbacks_total{channel="rest"} 1');
  expect(metrics).toContain('orientation_emergencies_total{channel="rest"} 1');
  expect(metrics).toContain('orientation_turn_duration_seconds_count{channel="rest"} 3');
  expect(metrics).toContain('orientation_state_store_up 1');
});

test('with the real engine and trees, an emergency and a message not understood are counted', async () => {
  const port = await bot({ METRICS_TOKEN: 'metrics-token' }, { realEngine: true });
  await send(port, 'olga', 'mon mari me frappe');
  await send(port, 'paul', 'zxqv wkrt');
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: 'Bearer metrics-token' } })).text();
  expect(metrics).toContain('orientation_emergencies_total{channel="rest"} 1');
  expect(metrics).toContain('orientation_fallbacks_total{channel="rest"} 1');
});
