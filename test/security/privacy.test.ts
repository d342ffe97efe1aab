// Finding 7 of issue #13: an SMS STOP left the person's message in the agents' review, the
// masker let names, spelled dates, spelled emails and passwords through, and review entries
// were kept 90 days.
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { loadConfig } from '../../app/config';
import { realServer, stopAll } from './support';

jest.setTimeout(180_000);
const PUBLIC_URL = 'https://bot.example.test';
const TOKEN = 'twilio-test-token';
const AGENT = { authorization: 'Bearer agent-token-for-security-tests' };
let bot: Awaited<ReturnType<typeof realServer>>;
beforeAll(async () => {
  bot = await realServer({ TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL, AGENT_TOKEN: 'agent-token-for-security-tests' });
});
afterAll(stopAll);

async function sms(from: string, body: string) {
  const params = { MessageSid: `SM${randomBytes(16).toString('hex')}`, From: from, To: '+33700000000', Body: body };
  const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/api/sms`, params);
  const answer = await fetch(`${bot.url}/api/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params),
  });
  expect(answer.status).toBe(200);
}

const reviewTexts = async () =>
  ((await (await fetch(`${bot.url}/agent/api/review`, { headers: AGENT })).json()) as { groups: { text: string }[] }).groups.map((g) => g.text);

test('the review masks names, spelled dates, spelled emails and passwords', async () => {
  const said = ['je suis Jean Dupont', 'né le 5 mars 1985 zxqv', 'jean.dupont at gmail dot com', 'mdp: Azerty123!'];
  for (const text of said) await sms('+33611111111', text);
  const texts = (await reviewTexts()).join('\n');
  for (const secret of ['Jean', 'Dupont', 'mars 1985', 'gmail', 'Azerty123']) expect(texts).not.toContain(secret);
  expect(texts).toContain('[nom]');
});

test("an SMS STOP deletes the review entries of that person's messages", async () => {
  await sms('+33622222222', 'wxcvbn qsdfgh poiuyt');
  expect(await reviewTexts()).toContain('wxcvbn qsdfgh poiuyt');
  await sms('+33622222222', 'STOP');
  expect(await reviewTexts()).not.toContain('wxcvbn qsdfgh poiuyt');
});

test('review entries are kept 30 days by default, as REVIEW_RETENTION_DAYS says', () => {
  expect(loadConfig({}).reviewRetentionDays).toBe(30);
  expect(loadConfig({ REVIEW_RETENTION_DAYS: '7' }).reviewRetentionDays).toBe(7);
});
