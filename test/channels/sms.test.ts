import twilio from 'twilio';
import { WHERE_QUESTION, startBot } from './support/world';
import { smsSegments, toGsm7 } from '../../channels/render/gsm7';
import { MESSAGES } from '../../bot/messages';

// A basic phone talking to the bot through Twilio: every request is signed with the twilio
// package's own signing function, over real HTTP.

type Bot = Awaited<ReturnType<typeof startBot>>;
const PHONE = '+33612345678';
let bot: Bot;
let sid = 0;

beforeEach(async () => {
  bot = await startBot();
});
afterEach(() => bot.stop());

function form(body: string, from = PHONE, messageSid = `SM${String(++sid).padStart(32, '0')}`) {
  return {
    AccountSid: 'AC00000000000000000000000000000000',
    ApiVersion: '2010-04-01',
    Body: body,
    From: from,
    MessageSid: messageSid,
    NumMedia: '0',
    NumSegments: '1',
    SmsMessageSid: messageSid,
    SmsSid: messageSid,
    SmsStatus: 'received',
    To: '+33700000000',
  };
}

async function post(params: Record<string, string>, signature?: string, path = '/api/sms') {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const signed = signature ?? twilio.getExpectedTwilioSignature(bot.config.twilioAuthToken!, bot.config.publicUrl + path, params);
  if (signed) headers['x-twilio-signature'] = signed;
  const response = await fetch(bot.url + path, { method: 'POST', headers, body: new URLSearchParams(params) });
  return { status: response.status, type: response.headers.get('content-type'), xml: await response.text() };
}

/** Texts of the <Message> elements of a TwiML answer. */
const messages = (xml: string) =>
  [...xml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) =>
    m[1]
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );

/** Sends an SMS; every SMS of the answer must suit a basic phone. Returns them joined. */
async function say(body: string, from = PHONE) {
  const answer = await post(form(body, from));
  expect(answer.status).toBe(200);
  expect(answer.type).toMatch(/^text\/xml/);
  const sms = messages(answer.xml);
  sms.forEach(expectBasicPhoneSms);
  return sms.join('\n');
}

function expectBasicPhoneSms(text: string) {
  const { encoding, segments } = smsSegments(text);
  expect(encoding).toBe('GSM-7');
  expect(segments).toBeLessThanOrEqual(3);
  expect(text).not.toMatch(/https?:\/\//);
}

test('an SMS user describes a need, answers 1 and gets the mairie written out', async () => {
  const question = await say("Je dois refaire ma carte d'identité");
  expect(question).toContain(WHERE_QUESTION);
  expect(question).toMatch(/1 - En France\n2 - A l'étranger/);

  const orientation = await say('1');
  expect(orientation).toContain('Mairie de Testville');
  expect(orientation).toContain('1 place de la Mairie, 99999 Testville');
  expect(orientation).toContain('Tél. 01 23 45 67 89');
  expect(orientation).toContain("Ouvert maintenant, jusqu'à 12 h");
  expect(orientation).toMatch(/Source : Fiche de test F0000, 12 mars 2026/);
  expect(orientation).toContain(MESSAGES.anythingElse);
});

test('0 brings the theme menu, AIDE the help and RECOMMENCER a fresh start, in the middle of a question', async () => {
  await say('carte identité');
  const menu = await say('0');
  expect(menu).toContain(toGsm7(MESSAGES.menu));
  expect(menu).toMatch(/1 - Démarches de test/);
  await say('carte identité');
  expect(await say('AIDE')).toContain('RECOMMENCER pour repartir de zéro');
  expect(await say('RECOMMENCER')).toBe(toGsm7(MESSAGES.restarted));
});

test('STOP or ARRÊT forgets the person and confirms', async () => {
  await say('carte identité');
  expect(await say('  Arrêt ')).toBe(toGsm7(MESSAGES.forgotten));
  expect(bot.store.writes).toContain('delete');
  // the question is forgotten: "1" is no longer an answer
  expect(await say('1')).not.toContain('Mairie de Testville');
});

test('when the bot fails, the SMS user still gets a plain apology in TwiML', async () => {
  bot.store.broken = true;
  expect(await say('carte identité')).toBe(toGsm7(MESSAGES.unavailable));
});

test('neither the number nor the words of the person reach the logs', async () => {
  await say("Je dois refaire ma carte d'identité");
  await post(form('secret words'), 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  bot.store.broken = true;
  await say('carte identité');
  expect(bot.logged.length).toBeGreaterThan(0);
  for (const line of bot.logged) expect(line).not.toMatch(/612345678|identit|secret|carte/);
});

test('a Twilio retry of the same MessageSid is answered once', async () => {
  const params = form('carte identité');
  expect(messages((await post(params)).xml)).toHaveLength(1);
  const retry = await post(params);
  expect(retry.status).toBe(200);
  expect(retry.xml).toMatch(/<Response\/>/);
});

test('the signature covers the public URL, not the Host header seen behind a proxy', async () => {
  const params = form('carte identité');
  const signedForProxyHost = twilio.getExpectedTwilioSignature('test_auth_token', bot.url.replace('127.0.0.1', 'localhost') + '/api/sms', params);
  expect((await post(params, signedForProxyHost)).status).toBe(403);
});

test.each([
  ['a wrong signature', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ['no signature', ''],
])('%s gets 403 and nothing is processed or stored', async (_case, signature) => {
  const params = form('carte identité');
  const answer = await post(params, signature);
  expect(answer.status).toBe(403);
  expect(answer.xml).not.toContain('Message');
  expect(bot.store.writes).toEqual([]);
  // the MessageSid was not consumed: the genuine request is still answered
  expect(messages((await post(params)).xml)[0]).toContain(WHERE_QUESTION);
});

test('the TwiML matches the reference vector for a signed French SMS', () => {
  const vector = new URLSearchParams(
    'AccountSid=AC00000000000000000000000000000000&ApiVersion=2010-04-01&Body=Bonjour%2C+%C3%A7a+va+%3F&From=%2B33612345678&MessageSid=SM00000000000000000000000000000001&NumMedia=0&NumSegments=1&SmsMessageSid=SM00000000000000000000000000000001&SmsSid=SM00000000000000000000000000000001&SmsStatus=received&To=%2B33700000000',
  );
  const signature = twilio.getExpectedTwilioSignature('test_auth_token', 'https://bot.example.fr/api/sms', Object.fromEntries(vector));
  expect(signature).toBe('toF1T03wfUqeRP+MWl/MAMKvyuU=');
});

describe('WhatsApp through Twilio, on the same webhook', () => {
  const WHATSAPP = `whatsapp:${PHONE}`;

  test('a whatsapp: sender gets WhatsApp-sized replies: any character, links, up to 1600 characters, numbered choices', async () => {
    const question = messages((await post(form("Je dois refaire ma carte d'identité", WHATSAPP))).xml);
    expect(question).toEqual([`${WHERE_QUESTION}\n\n1 - En France\n2 - À l'étranger\nRépondez par le numéro.`]);

    const orientation = messages((await post(form('1', WHATSAPP))).xml);
    expect(orientation[0]).toContain('Plan : https://example.test/carte?mairie-testville');
    expect(orientation[0]).toContain('Mairie de Testville\n1 place de la Mairie, 99999 Testville\nTél. 01 23 45 67 89');
    expect(orientation.at(-1)).toBe(MESSAGES.anythingElse);
    for (const text of orientation) expect(text.length).toBeLessThanOrEqual(1600);
  });

  test('WhatsApp and SMS from the same number are two conversations, and neither number reaches the logs', async () => {
    await post(form('carte identité', WHATSAPP));
    // the SMS side has no pending question: "1" is not an answer there
    expect(await say('1')).not.toContain('Mairie de Testville');
    expect(messages((await post(form('1', WHATSAPP))).xml)[0]).toContain('Mairie de Testville');
    for (const line of bot.logged) expect(line).not.toMatch(/612345678|identit|carte/);
  });
});
