import { MESSAGES } from '../../bot/messages';
import { whatsappMessage } from '../../channels/whatsapp/outbound';
import { startFakeGraph } from './support/fake-graph';
import { metaSignature, postSignedWebhook } from './support/meta-webhook';
import { WHERE_QUESTION, startBot, TEST_CONFIG, waitFor } from './support/world';

// A citizen writing to the business number on WhatsApp: Cloud API webhooks signed with node's
// crypto as Meta does, replies captured by a local fake Graph API.

type Bot = Awaited<ReturnType<typeof startBot>>;
type Graph = Awaited<ReturnType<typeof startFakeGraph>>;
const WA_ID = '33612345678';
const { appSecret, phoneNumberId } = TEST_CONFIG.whatsapp;
let bot: Bot;
let graph: Graph;
let wamid = 0;

beforeEach(async () => {
  graph = await startFakeGraph();
  bot = await startBot({ whatsapp: { ...TEST_CONFIG.whatsapp, graphApiUrl: graph.url } });
});
afterEach(async () => {
  await bot.stop();
  await graph.stop();
});

const now = () => String(Math.floor(Date.now() / 1000));

function webhook(value: Record<string, unknown>, toNumber = phoneNumberId) {
  const metadata = { display_phone_number: '33100000000', phone_number_id: toNumber };
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: 'WABA_ID', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata, ...value } }] }],
  };
}

const incoming = (message: Record<string, unknown>, timestamp = now()) =>
  webhook({ contacts: [{ profile: { name: 'Test' }, wa_id: WA_ID }], messages: [{ from: WA_ID, id: `wamid.${++wamid}`, timestamp, ...message }] });
const text = (body: string, timestamp?: string) => incoming({ type: 'text', text: { body } }, timestamp);
const tap = (id: string, title: string) => incoming({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });

async function post(body: object, signature?: string) {
  const response = await postSignedWebhook(`${bot.url}/api/whatsapp`, body, appSecret!, signature);
  return response.status;
}

const sent = () => graph.calls.map((c) => c.body as any);

/** Sends a webhook and waits for the bot's next `count` messages through the fake Graph API. */
async function say(body: object, count = 1) {
  const before = graph.calls.length;
  expect(await post(body)).toBe(200);
  return waitFor(() => (graph.calls.length >= before + count ? sent().slice(before) : undefined));
}

test('a WhatsApp user describes a need, taps a reply button and gets the orientation', async () => {
  const [question] = await say(text("Bonjour, je dois refaire ma carte d'identité"));
  expect(question).toEqual({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: WA_ID,
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: WHERE_QUESTION },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'En France', title: 'En France' } },
          { type: 'reply', reply: { id: "À l'étranger", title: "À l'étranger" } },
        ],
      },
    },
  });

  const [orientation, followUp] = await say(tap('En France', 'En France'), 2);
  expect(orientation.type).toBe('text');
  expect(orientation.text.body).toContain('Mairie de Testville\n1 place de la Mairie, 99999 Testville\nTél. 01 23 45 67 89');
  expect(orientation.text.body).toContain('Source : Fiche de test F0000, 12 mars 2026');
  expect(followUp.text.body).toBe(MESSAGES.anythingElse);

  // every call goes to the business number's messages, with the token as a bearer
  expect(graph.calls.every((c) => c.path === `/${phoneNumberId}/messages` && c.authorization === 'Bearer test_whatsapp_token')).toBe(true);
});

test('choices too long for buttons or a list come as numbered text, and the number works', async () => {
  const [question] = await say(text('aide pour mon loyer'));
  expect(question.type).toBe('text');
  expect(question.text.body).toContain('1 - Je suis locataire dans le parc privé\n2 - ');
  const [orientation] = await say(text('1'), 2);
  expect(orientation.text.body).toContain("Caisse d'allocations familiales de Testville");
});

test('a photo alone gets a plain answer asking for words', async () => {
  const [answer] = await say(incoming({ type: 'image', image: { id: 'MEDIA_ID', mime_type: 'image/jpeg' } }));
  expect(answer.text.body).toMatch(/^Je ne lis que les messages écrits/);
});

test('a redelivered message is answered once; status callbacks, reactions and other numbers are ignored', async () => {
  const message = text('carte identité');
  await say(message);
  expect(await post(message)).toBe(200);
  expect(await post(webhook({ statuses: [{ id: 'wamid.out1', status: 'delivered', timestamp: now(), recipient_id: WA_ID }] }))).toBe(200);
  expect(await post(incoming({ type: 'reaction', reaction: { message_id: 'wamid.out1', emoji: '👍' } }))).toBe(200);
  expect(await post(webhook({ messages: [{ from: WA_ID, id: 'wamid.other', timestamp: now(), type: 'text', text: { body: 'carte' } }] }, '999'))).toBe(200);
  await say(text('2'), 2);
  expect(sent().map((m) => (m.text?.body ?? m.interactive.body.text).split('\n')[0])).toEqual([
    WHERE_QUESTION,
    "Refaire sa carte d'identité",
    MESSAGES.anythingElse,
  ]);
});

test('a message older than 24 hours is left unanswered: WhatsApp refuses free-form messages outside the window', async () => {
  const yesterday = String(Math.floor(Date.now() / 1000) - 25 * 3600);
  expect(await post(text('carte identité', yesterday))).toBe(200);
  await waitFor(() => (bot.logged.some((line) => line.includes('older than 24 hours')) ? true : undefined));
  expect(graph.calls).toEqual([]);
  expect(bot.store.writes).toEqual([]);
});

test('the Graph API is tried again after 429 and 5xx answers', async () => {
  graph.failNext(429, 503);
  const [question] = await say(text('carte identité'));
  expect(question.interactive.body.text).toBe(WHERE_QUESTION);
});

test.each([
  ['a wrong signature', `sha256=${'0'.repeat(64)}`],
  ['a signature made with another secret', metaSignature('{}', 'other')],
  ['no signature', ''],
])('%s gets 403 and nothing is processed or stored', async (_case, signature) => {
  expect(await post(text('carte identité'), signature)).toBe(403);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(graph.calls).toEqual([]);
  expect(bot.store.writes).toEqual([]);
});

test('the verification handshake echoes the challenge only with the right token', async () => {
  const verify = (token: string) => fetch(`${bot.url}/api/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${token}`);
  const ok = await verify('test_whatsapp_verify_token');
  expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
  expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
  expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
  expect((await verify('wrong')).status).toBe(403);
  expect((await verify('test_verify_token')).status).toBe(403); // Messenger's token opens only Messenger
});

test('a WhatsApp channel without its secrets answers 503', async () => {
  const unconfigured = await startBot({ whatsapp: { ...TEST_CONFIG.whatsapp, token: undefined } });
  const response = await fetch(`${unconfigured.url}/api/whatsapp`, { method: 'POST', body: '{}' });
  expect(response.status).toBe(503);
  await unconfigured.stop();
});

describe('choices on WhatsApp', () => {
  const buttons = (...titles: string[]) => titles.map((title) => ({ title, value: title }));

  test('three short titles become reply buttons', () => {
    const body = whatsappMessage(WA_ID, { text: 'Où ?', buttons: buttons('Oui', 'Non', 'Je ne sais pas') }) as any;
    expect(body.interactive.type).toBe('button');
    expect(body.interactive.action.buttons).toHaveLength(3);
  });

  test.each([
    ['four choices', buttons('Un', 'Deux', 'Trois', 'Quatre')],
    ['a title of 21 to 24 characters', buttons('Oui', 'Non, dans un autre pays')],
  ])('%s become a list opened by one button', (_case, choices) => {
    const body = whatsappMessage(WA_ID, { text: 'Lequel ?', buttons: choices }) as any;
    expect(body.interactive).toEqual({
      type: 'list',
      body: { text: 'Lequel ?' },
      action: { button: MESSAGES.showChoices, sections: [{ rows: choices.map((c) => ({ id: c.value, title: c.title })) }] },
    });
  });

  test('a body over 1024 characters cannot carry reply buttons, so it becomes a list', () => {
    const body = whatsappMessage(WA_ID, { text: 'x'.repeat(1100), buttons: buttons('Oui', 'Non') }) as any;
    expect(body.interactive.type).toBe('list');
  });
});
