// Finding 1 and 6 of issue #13: /api/messages used as an open relay (SSRF, port scan) and
// error answers that leaked internals and flooded the logs.
import { listeningTrap, post, realServer, stopAll } from './support';

jest.setTimeout(180_000);
const CREDENTIALS = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' };
let open: Awaited<ReturnType<typeof realServer>>;
let authenticated: Awaited<ReturnType<typeof realServer>>;
beforeAll(async () => {
  [open, authenticated] = await Promise.all([realServer(), realServer(CREDENTIALS)]);
});
afterAll(stopAll);

const activity = (serviceUrl: string) => ({
  type: 'message',
  id: 'probe-1',
  serviceUrl,
  channelId: 'emulator',
  from: { id: 'attacker' },
  conversation: { id: 'probe' },
  recipient: { id: 'bot' },
  text: 'bonjour',
});

test('without credentials, a POST naming a serviceUrl on 127.0.0.1 is refused and nothing reaches that port', async () => {
  const trap = await listeningTrap();
  try {
    const bot = open;
    expect(bot.logs.some((line) => String(line.msg).includes('bot framework channel refused'))).toBe(true);
    const answer = await post(`${bot.url}/api/messages`, activity(trap.url));
    expect(answer.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(trap.hits).toEqual([]);
  } finally {
    await trap.close();
  }
});

test('with credentials, a serviceUrl outside the Bot Framework hosts is refused before any request', async () => {
  const trap = await listeningTrap();
  try {
    const bot = authenticated;
    for (const serviceUrl of [trap.url, 'https://evil.example/botframework.com', 'https://botframework.com.evil.example/']) {
      expect((await post(`${bot.url}/api/messages`, activity(serviceUrl))).status).toBe(400);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(trap.hits).toEqual([]);
  } finally {
    await trap.close();
  }
});

test('a request without a token gets a short 401: no internal message in the body, one log line, no stack', async () => {
  const bot = authenticated;
  const before = bot.logs.length;
  let stderr = '';
  bot.child.stderr!.on('data', (chunk) => (stderr += chunk));
  const answer = await post(`${bot.url}/api/messages`, activity('https://smba.trafficmanager.net/emea/'));
  expect(answer.status).toBe(401);
  expect(JSON.parse(answer.text)).toEqual({ error: 'Unauthorized.' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(stderr).toBe('');
  const lines = bot.logs.slice(before).filter((line) => line.msg !== 'turn');
  expect(lines).toHaveLength(1);
  expect(JSON.stringify(lines[0])).not.toMatch(/stack|https?:\/\/|probe/);
});
