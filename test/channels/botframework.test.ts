import http from 'node:http';
import { MESSAGES } from '../../bot/messages';
import { close, listen, startBot, WHERE_QUESTION } from './support/world';

// The Bot Framework Emulator talking to /api/messages with no app id: activities are posted
// as the Emulator posts them, replies land on a local connector at serviceUrl.

type Bot = Awaited<ReturnType<typeof startBot>>;
interface Captured {
  path: string;
  authorization?: string;
  activity: {
    type: string;
    text: string;
    replyToId?: string;
    locale?: string;
    textFormat?: string;
    suggestedActions?: { actions: { type: string; title: string; value: string }[] };
  };
}

let bot: Bot;
let connector: http.Server;
let serviceUrl: string;
let replies: Captured[];
let activityId = 0;
const CONVERSATION = 'conv 1|livechat';

beforeEach(async () => {
  replies = [];
  connector = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      replies.push({ path: req.url!, authorization: req.headers.authorization, activity: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${replies.length}` }));
    });
  });
  serviceUrl = await listen(connector);
  bot = await startBot();
});
afterEach(async () => {
  await bot.stop();
  await close(connector);
});

function emulatorActivity(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `activity-${++activityId}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'emulator',
    from: { id: 'user-1', name: 'Utilisateur', role: 'user' },
    conversation: { id: CONVERSATION },
    recipient: { id: 'bot-1', name: 'Bot', role: 'bot' },
    text,
    textFormat: 'plain',
    locale: 'fr-FR',
    ...extra,
  };
}

async function post(activity: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

async function say(text: string) {
  const before = replies.length;
  const activity = emulatorActivity(text);
  expect((await post(activity)).status).toBe(200);
  const sent = replies.slice(before);
  expect(sent.length).toBeGreaterThan(0);
  for (const reply of sent) {
    expect(reply.path).toBe(`/v3/conversations/${encodeURIComponent(CONVERSATION)}/activities/${activity.id}`);
    expect(reply.authorization).toBeUndefined();
    expect(reply.activity.replyToId).toBe(activity.id);
  }
  return sent.map((r) => r.activity);
}

test('an Emulator user describes a need, picks a suggested action and gets the orientation', async () => {
  const [question] = await say("Je dois refaire ma carte d'identité");
  expect(question.text).toBe(WHERE_QUESTION);
  expect(question.locale).toBe('fr-FR');
  expect(question.suggestedActions?.actions).toEqual([
    { type: 'imBack', title: 'En France', value: 'En France' },
    { type: 'imBack', title: "À l'étranger", value: "À l'étranger" },
  ]);

  const [orientation] = await say(question.suggestedActions!.actions[0].value);
  expect(orientation.textFormat).toBe('markdown');
  expect(orientation.text).toContain('Mairie de Testville');
  expect(orientation.text).toContain('Tél. 01 23 45 67 89');
  expect(orientation.text).toContain('[Plan](https://example.test/carte?mairie-testville)');
  expect(orientation.text).toContain("À apporter : une photo d'identité de moins de 6 mois");
});

test('the Emulator opening a conversation gets the welcome message', async () => {
  const update = emulatorActivity('', {
    type: 'conversationUpdate',
    membersAdded: [
      { id: 'bot-1', name: 'Bot' },
      { id: 'user-1', name: 'Utilisateur' },
    ],
  });
  expect((await post(update)).status).toBe(200);
  expect(replies.map((r) => r.activity.text)).toEqual([MESSAGES.welcome]);
});

test('a redelivered activity id is answered once', async () => {
  const activity = emulatorActivity('carte identité');
  await post(activity);
  await post(activity);
  expect(replies).toHaveLength(1);
});

test('expectReplies gets the replies in the HTTP answer and nothing is posted to the connector', async () => {
  const answer = await post(emulatorActivity('carte identité', { deliveryMode: 'expectReplies' }));
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).activities[0].text).toBe(WHERE_QUESTION);
  expect(replies).toEqual([]);
});

test('a malformed activity gets 400, not a crash', async () => {
  expect((await post({ text: 'bonjour' })).status).toBe(400);
  expect((await post({ type: 'message', text: 'bonjour' })).status).toBe(400);
  expect(bot.store.writes).toEqual([]);
});

test('with an app id set, a request without a token gets 401 and nothing is processed or stored', async () => {
  await bot.stop();
  bot = await startBot({ botFramework: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' } });
  const answer = await post(emulatorActivity('carte identité', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
  expect(answer.status).toBe(401);
  expect(replies).toEqual([]);
  expect(bot.store.writes).toEqual([]);
});
