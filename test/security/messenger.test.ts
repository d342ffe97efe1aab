// Finding 5 of issue #13: a signed batch with a null entry threw after the 200 and dropped
// the rest; the verify token was compared with ===; hub.challenge was echoed without nosniff.
import { metaSignature } from '../channels/support/meta-webhook';
import { eventually, listeningTrap, post, realServer, stopAll } from './support';

jest.setTimeout(180_000);
const SECRET = 'security-app-secret';
let bot: Awaited<ReturnType<typeof realServer>>;
let graph: Awaited<ReturnType<typeof listeningTrap>>;
beforeAll(async () => {
  graph = await listeningTrap();
  bot = await realServer({ MESSENGER_APP_SECRET: SECRET, MESSENGER_PAGE_TOKEN: 'page-token', MESSENGER_VERIFY_TOKEN: 'verify-me', GRAPH_API_URL: graph.url });
});
afterAll(async () => {
  await stopAll();
  await graph.close();
});

const signed = (body: string) => ({ 'x-hub-signature-256': metaSignature(body, SECRET) });
const event = (psid: string, mid: string) => ({ sender: { id: psid }, message: { mid, text: 'carte grise' } });

test('a signed batch with null entries and null events still answers every real message in it', async () => {
  const body = JSON.stringify({
    object: 'page',
    entry: [null, { messaging: [null, event('psid-a', 'mid-a'), { sender: null }] }, { messaging: [event('psid-b', 'mid-b')] }],
  });
  expect((await post(`${bot.url}/api/messenger`, body, signed(body))).status).toBe(200);
  const answered = () => new Set(graph.bodies.filter((b) => b.includes('"message"')).map((b) => JSON.parse(b).recipient.id as string));
  expect(
    await eventually(
      async () => answered(),
      (people) => people.size === 2,
    ),
  ).toEqual(new Set(['psid-a', 'psid-b']));
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
});

test('the challenge is echoed only for the right token, as text that a browser will not sniff into HTML', async () => {
  const verify = (token: string, challenge = '1158201444') =>
    fetch(`${bot.url}/api/messenger?hub.mode=subscribe&hub.challenge=${encodeURIComponent(challenge)}&hub.verify_token=${token}`);
  expect((await verify('verify-mf')).status).toBe(403);
  expect((await verify('verify-me-and-more')).status).toBe(403);
  const answer = await verify('verify-me', '<script>alert(1)</script>');
  expect(answer.status).toBe(200);
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
});
