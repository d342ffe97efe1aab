// Finding 9 of issue #13: the webhook's event id was recorded as answered before the reply
// existed, so a crash in between lost the person's message: Twilio's redelivery was ignored.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import twilio from 'twilio';
import { deleteKeys } from '../ops/support/processes';
import { CRASHING_SERVER, realServer, stopAll } from './support';

jest.setTimeout(180_000);
const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `test:security:${randomBytes(6).toString('hex')}:`;
const PUBLIC_URL = 'https://bot.example.test';
const TOKEN = 'twilio-test-token';
afterAll(async () => {
  await stopAll();
  await deleteKeys(REDIS_URL, PREFIX);
});

function deliver(url: string, params: Record<string, string>) {
  const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/api/sms`, params);
  return fetch(`${url}/api/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params),
  });
}

test('an SMS whose turn crashed the process is answered when Twilio delivers it again', async () => {
  const env = {
    REDIS_URL,
    REDIS_KEY_PREFIX: PREFIX,
    TWILIO_AUTH_TOKEN: TOKEN,
    PUBLIC_URL,
    STATE_LOCK_LEASE_MS: '500',
    CRASH_MARKER: join(mkdtempSync(join(tmpdir(), 'crash-')), 'crashed'),
  };
  const sms = { MessageSid: `SM${randomBytes(16).toString('hex')}`, From: '+33600000001', To: '+33700000000', Body: 'panne' };
  const first = await realServer(env, CRASHING_SERVER);
  await expect(deliver(first.url, sms)).rejects.toThrow(); // the process died mid-turn
  await sleep(600); // the crashed turn's claim on the event id lapses (STATE_LOCK_LEASE_MS)

  const restarted = await realServer(env, CRASHING_SERVER);
  const redelivery = await deliver(restarted.url, sms);
  expect(await redelivery.text()).toContain('<Message>Message n');
  // once answered, a further retry is ignored as before
  expect(await (await deliver(restarted.url, sms)).text()).not.toContain('<Message>');
});
