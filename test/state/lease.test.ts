// A bot process that dies (kill -9) in the middle of a turn holds the person's conversation
// and the webhook event it was answering only for a lease (STATE_LOCK_LEASE_MS, 1.5 s by
// default, renewed while a turn runs): another process then serves the person, and a
// redelivered message is answered once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import twilio from 'twilio';
import { Conversations } from '../../bot/conversation';
import { MemoryStateStore } from '../../bot/state/memory';
import type { BotProcess } from '../ops/support/processes';
import { REAL_SERVER, deleteKeys, send, testPrefix } from '../ops/support/processes';
import { readyBot } from './support/bots';
import { CRASHING_SERVER } from '../security/support';

jest.setTimeout(120_000);

const REDIS_URL = 'redis://127.0.0.1:6379';
const SECRET = 'test-secret';
const LEASE_MS = 1500; // the default, which these processes run with
const prefix = testPrefix();
const running: BotProcess[] = [];
const redis = new Redis(REDIS_URL);

afterAll(async () => {
  await Promise.all(running.map((bot) => bot.kill()));
  await deleteKeys(REDIS_URL, prefix);
  await redis.quit();
});

async function bot(env: Record<string, string>, entry = REAL_SERVER): Promise<BotProcess> {
  const started = await readyBot({ STATE_SECRET: SECRET, REDIS_URL, REDIS_KEY_PREFIX: prefix, ...env }, entry);
  running.push(started);
  return started;
}

const lockOf = (channel: string, person: string) => {
  const key = new Conversations(new MemoryStateStore(1000), () => ({}) as never, SECRET).key(channel, person);
  return { key, lock: `${prefix}{${key}}:lock` };
};

test('a process killed while holding a conversation holds it only for one lease, however long it held it alive', async () => {
  const server = await bot({});
  expect((await send(server.port, 'anne', 'J’ai perdu ma carte d’identité')).status).toBe(200);

  const { key, lock } = lockOf('rest', 'anne');
  const holder = spawn(process.execPath, ['--import', 'tsx', 'test/state/support/lock-holder.ts'], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, STATE_SECRET: SECRET, REDIS_URL, REDIS_KEY_PREFIX: prefix, CONVERSATION_KEY: key },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(holder, 'exit');
  try {
    await once(holder.stdout!, 'data');
    // Alive, it keeps the conversation well past one lease: its renewals extend it.
    const token = await redis.get(lock);
    await sleep(2 * LEASE_MS);
    expect(await redis.get(lock)).toBe(token);
  } finally {
    holder.kill('SIGKILL');
    await exited;
  }
  const killed = Date.now();
  const answer = await send(server.port, 'anne', 'En France');
  const waited = Date.now() - killed;
  expect(answer.status).toBe(200);
  expect(answer.texts[0]).toMatch(/^Carte d'identité .*mairie/i);
  // The lease lapses 1 to 1.5 s after the last renewal; the bound leaves room for a loaded machine.
  expect(waited).toBeGreaterThan(LEASE_MS / 3);
  expect(waited).toBeLessThan(LEASE_MS + 1500);
});

describe('an SMS redelivered by Twilio', () => {
  const PUBLIC_URL = 'https://bot.example.test';
  const TOKEN = 'twilio-test-token';
  const env = { TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL, RATE_LIMIT_MESSAGES: '0', CRASH_MARKER: join(mkdtempSync(join(tmpdir(), 'crash-')), 'crashed') };
  let first: BotProcess;
  let second: BotProcess;
  beforeAll(async () => {
    [first, second] = await Promise.all([bot(env, CRASHING_SERVER), bot(env, CRASHING_SERVER)]);
  });

  async function deliver(port: number, sms: Record<string, string>): Promise<string> {
    const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/api/sms`, sms);
    const response = await fetch(`http://127.0.0.1:${port}/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(sms),
    });
    return response.text();
  }
  const sms = (from: string, body: string) => ({ MessageSid: `SM${randomBytes(16).toString('hex')}`, From: from, To: '+33700000000', Body: body });
  /** the number the counting engine gave the reply (« Message n° 2 »: the person's second message), if any */
  const replied = (twiml: string) => Number(/<Message>Message n. (\d+)<\/Message>/.exec(twiml)?.[1]) || undefined;

  test('delivered twice at once to two processes, it is answered by one of them', async () => {
    const twice = sms('+33600000012', 'bonjour');
    const answers = await Promise.all([deliver(first.port, twice), deliver(second.port, twice)]);
    expect(answers.map(replied).filter(Boolean)).toEqual([1]);
  });

  test('after a process died in its turn, another answers it about a lease later, once', async () => {
    const crash = sms('+33600000011', 'panne');
    await expect(deliver(first.port, crash)).rejects.toThrow(); // the process died mid-turn
    const killed = Date.now();
    // Delivered again at once to the other process: it waits for the dead one's claim to lapse.
    expect(replied(await deliver(second.port, crash))).toBe(1);
    expect(Date.now() - killed).toBeLessThan(LEASE_MS + 1500);
    // once answered, a further retry is ignored, and the person's next message is their second
    expect(replied(await deliver(second.port, crash))).toBeUndefined();
    expect(replied(await deliver(second.port, sms('+33600000011', 'et ensuite')))).toBe(2);
  });
});
