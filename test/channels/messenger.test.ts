import { isSignedByMeta } from '../../channels/messenger/inbound';
import { MESSAGES } from '../../bot/messages';
import { startFakeGraph } from './support/fake-graph';
import { metaSignature, postSignedWebhook } from './support/meta-webhook';
import { WHERE_QUESTION, startBot, TEST_CONFIG, waitFor } from './support/world';

// A Messenger user talking to the page: webhooks signed with node's crypto like Meta does,
// replies captured by a local fake Graph API.

type Bot = Awaited<ReturnType<typeof startBot>>;
type Graph = Awaited<ReturnType<typeof startFakeGraph>>;
const PSID = '24000000000000001';
const SECRET = TEST_CONFIG.messenger.appSecret!;
let bot: Bot;
let graph: Graph;
let mid = 0;

beforeEach(async () => {
  graph = await startFakeGraph();
  bot = await startBot({ messenger: { ...TEST_CONFIG.messenger, graphApiUrl: graph.url } });
});
afterEach(async () => {
  await bot.stop();
  await graph.stop();
});

function webhook(message: Record<string, unknown>, sender = PSID) {
  return {
    object: 'page',
    entry: [{ id: 'PAGE_ID', time: Date.now(), messaging: [{ sender: { id: sender }, recipient: { id: 'PAGE_ID' }, timestamp: Date.now(), message }] }],
  };
}

const text = (t: string) => ({ mid: `m_${++mid}`, text: t });
const tap = (title: string, payload: string) => ({ mid: `m_${++mid}`, text: title, quick_reply: { payload } });

async function post(body: object, signature?: string) {
  const response = await postSignedWebhook(`${bot.url}/api/messenger`, body, SECRET, signature);
  return { status: response.status, body: await response.text() };
}

/** Sends a message and waits for the bot's next `count` messages through the Send API. */
async function say(message: Record<string, unknown>, count = 1) {
  const before = graph.messages().length;
  expect((await post(webhook(message))).status).toBe(200);
  const sent = await waitFor(() => (graph.messages().length >= before + count ? graph.messages().slice(before) : undefined));
  return sent[0];
}

test('a Messenger user describes a need, taps a quick reply and gets the orientation', async () => {
  const question = await say(text("Bonjour, je dois refaire ma carte d'identité"));
  expect(question.text).toBe(WHERE_QUESTION);
  expect(question.quick_replies).toEqual([
    { content_type: 'text', title: 'En France', payload: 'En France' },
    { content_type: 'text', title: "À l'étranger", payload: "À l'étranger" },
  ]);

  const orientation = await say(tap('En France', 'En France'), 2);
  expect(orientation.text).toContain('Mairie de Testville\n1 place de la Mairie, 99999 Testville\nTél. 01 23 45 67 89');
  expect(orientation.text).toContain('Lundi au vendredi : 8 h 30 - 12 h, 13 h 30 - 17 h');
  expect(orientation.text).toContain('Plan : https://example.test/carte?mairie-testville');
  expect(orientation.text).toContain('Source : Fiche de test F0000, 12 mars 2026');
  expect(orientation.quick_replies).toBeUndefined();

  // each answer is preceded by a typing indicator sent alone, with the page token
  const typing = graph.calls.filter((c) => c.body.sender_action === 'typing_on');
  expect(typing).toHaveLength(2);
  expect(typing[0].body).toEqual({ recipient: { id: PSID }, sender_action: 'typing_on' });
  expect(graph.calls.every((c) => c.path === '/me/messages' && c.accessToken === 'test_page_token')).toBe(true);
});

test('choices with titles over 20 characters come as numbered text, and the number works', async () => {
  const question = await say(text('aide pour mon loyer'));
  expect(question.quick_replies).toBeUndefined();
  expect(question.text).toContain('1 - Je suis locataire dans le parc privé\n2 - ');
  const orientation = await say(text('1'), 2);
  expect(orientation.text).toContain("Caisse d'allocations familiales de Testville");
});

test('a tap on a button template or the persistent menu (postback) is read like a message', async () => {
  const postback = {
    sender: { id: PSID },
    recipient: { id: 'PAGE_ID' },
    timestamp: Date.now(),
    postback: { mid: `m_${++mid}`, title: 'Carte', payload: "carte d'identité" },
  };
  expect((await post({ object: 'page', entry: [{ id: 'PAGE_ID', time: Date.now(), messaging: [postback] }] })).status).toBe(200);
  await waitFor(() => graph.messages()[0]);
  expect(graph.messages()[0].text).toBe(WHERE_QUESTION);
});

test('a photo alone gets a plain answer asking for words', async () => {
  const photo = { mid: `m_${++mid}`, attachments: [{ type: 'image', payload: { url: 'https://example.test/a.jpg' } }] };
  expect((await say(photo)).text).toMatch(/^Je ne lis que les messages écrits/);
});

test('the webhook is acknowledged before the reply is sent', async () => {
  const release = graph.hold();
  const answer = await post(webhook(text('carte identité')));
  expect(answer).toEqual({ status: 200, body: 'EVENT_RECEIVED' });
  expect(graph.calls).toHaveLength(0);
  release();
  await waitFor(() => graph.messages()[0]);
});

test('a redelivered mid is answered once and echoes of our own messages are ignored', async () => {
  const message = text('carte identité');
  await say(message);
  await post(webhook(message));
  await post(webhook({ mid: 'm_echo', text: WHERE_QUESTION, is_echo: true, app_id: 1 }));
  await say(text('2'), 2);
  expect(graph.messages().map((m) => m.text.split('\n')[0])).toEqual([WHERE_QUESTION, "Refaire sa carte d'identité", MESSAGES.anythingElse]);
});

test('the Send API is tried again after 429 and 5xx answers', async () => {
  graph.failNext(429, 503);
  const question = await say(text('carte identité'));
  expect(question.text).toBe(WHERE_QUESTION);
  // the typing indicator got 429 then 503, and went through at the third try
  expect(graph.calls.map((c) => c.body.sender_action ?? 'message')).toEqual(['typing_on', 'message']);
});

test.each([
  ['a wrong signature', `sha256=${'0'.repeat(64)}`],
  ['a signature made with another secret', metaSignature('x', 'other')],
  ['no signature', ''],
])('%s gets 403 and nothing is processed or stored', async (_case, signature) => {
  const answer = await post(webhook(text('carte identité')), signature);
  expect(answer.status).toBe(403);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(graph.calls).toEqual([]);
  expect(bot.store.writes).toEqual([]);
});

test('webhook verification answers the challenge only with the right token', async () => {
  const verify = (token: string) => fetch(`${bot.url}/api/messenger?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${token}`);
  const ok = await verify('test_verify_token');
  expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
  expect((await verify('wrong')).status).toBe(403);
});

test('the signature check matches the reference vector', () => {
  const body =
    '{"object":"page","entry":[{"id":"PAGE_ID","time":1700000000000,"messaging":[{"sender":{"id":"PSID"},"recipient":{"id":"PAGE_ID"},"timestamp":1700000000000,"message":{"mid":"m_abc","text":"Bonjour"}}]}]}';
  const header = 'sha256=b3e62b55cdffd27712b52b439d87d4424a9e3386f55721743e1a9b177b083ba5';
  expect(isSignedByMeta('test_app_secret', Buffer.from(body), header)).toBe(true);
  expect(isSignedByMeta('test_app_secret', Buffer.from(body.replace('Bonjour', 'Bonsoir')), header)).toBe(false);
});
