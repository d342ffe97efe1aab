import path from 'node:path';
import { Conversations } from '../../bot/conversation';
import { MemoryStateStore } from '../../bot/state/memory';
import { TreeRegistry } from '../../bot/trees/registry';
import type { Reply } from '../../bot/types';
import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';
import { smsSegmentCount } from '../../channels/render/sms-text';
import { testKnowledge } from '../channels/support/knowledge';

// A newcomer writes in English, on the web chat and by SMS, with the bundled trees and their
// English translation (dialogs/lang/en/): understood in English, asked in English, oriented in
// English with office names in French and glossed, and the source line saying the official
// text is French. French words that are also English (« bonjour » is not one) never switch.

jest.setTimeout(60_000);

const knowledge = testKnowledge();
const registry = new TreeRegistry(path.join(__dirname, '..', '..', 'dialogs'), knowledge);
const conversations = () => new Conversations(new MemoryStateStore(60_000), () => ({ ...registry.current, knowledge }), 'lang-test');
const texts = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

describe('an English conversation from the first message to an orientation', () => {
  test('on the web chat: the question and the orientation in English, marked lang="en"', async () => {
    const chat = conversations();
    const asked = await chat.turn('rest', 'web-1', 'Hello, my residence permit expires next month, what should I do?');
    expect(asked).toEqual([
      {
        text: 'Do you live in Paris?',
        choices: [expect.objectContaining({ label: 'No, elsewhere in France' }), expect.objectContaining({ label: 'Yes, in Paris' })],
        lang: 'en',
      },
    ]);

    const oriented = await chat.turn('rest', 'web-1', 'No, I live in Lyon');
    const card = oriented.find((r) => r.orientation);
    expect(card?.lang).toBe('en');
    expect(card?.orientation?.title).toBe('Residence permit (first application, renewal)');
    expect(card?.orientation?.services[0].name).toBe('Préfecture (State office, residence permits)');
    expect(card?.orientation?.why).toMatch(/^The residence permit is applied for at the préfecture of your département/);
    expect(card?.text).toMatch(/go to Préfecture \(State office, residence permits\)/);
    expect(card?.text).toMatch(/Official text in French\. Source: Service-Public\.fr F2231, 20 January 2020/);
    expect(oriented[oriented.length - 1]).toEqual({ text: 'Do you have another question? Describe it in a few words.', lang: 'en' });
  });

  test('by SMS: numbered choices answered by number, the orientation in GSM-7 within three segments', async () => {
    const sms = conversations();
    const [question] = render(await sms.turn('sms', '+33600000001', 'I lost my carte vitale'), CAPABILITIES.sms);
    expect(question.text).toBe('Do you work in agriculture (farmer or farm employee)?\n1 - No\n2 - Yes, in agriculture\nAnswer with the number.');

    const answer = render(await sms.turn('sms', '+33600000001', '1'), CAPABILITIES.sms);
    expect(answer).toHaveLength(1);
    expect(answer[0].text).toBe(
      [
        'Carte Vitale, health insurance card (loss, theft, update)',
        "Caisse primaire d'assurance maladie (CPAM) (health insurance office)",
        'We do not have the local address. National number: 36 46',
        'What to bring : an ID photo, an identity document.',
        'Official text in French. Source: Service-Public.fr F265, 14 October 2020.',
        'Do you have another question? Describe it in a few words.',
      ].join('\n'),
    );
    expect(smsSegmentCount(answer[0].text)).toBeLessThanOrEqual(3);
  });

  test('an emergency written in English comes first, with its numbers, in English', async () => {
    const replies = await conversations().turn('rest', 'web-2', 'my husband is hitting me right now');
    expect(replies[0]).toMatchObject({ urgent: true, lang: 'en' });
    expect(replies[0].orientation?.title).toBe('Violence from a partner, in danger');
    expect(replies[0].text).toContain('Call 17 or 112: the police or gendarmerie will come. If you cannot speak, send a text message to 114.');
  });

  test('the person may switch languages; « bonjour » or « ok » keep the language in use', async () => {
    const chat = conversations();
    expect(await chat.turn('rest', 'web-3', 'bonjour')).toEqual([{ text: expect.stringMatching(/^Bonjour ! Décrivez votre problème/) }]);
    expect((await chat.turn('rest', 'web-3', 'I need help with my housing benefit'))[0]).toMatchObject({
      text: 'Do you work in agriculture (farmer or farm employee)?',
      lang: 'en',
    });
    expect((await chat.turn('rest', 'web-3', 'bonjour'))[0].lang).toBe('en');
    expect(texts(await chat.turn('rest', 'web-3', "j'ai perdu ma carte vitale"))).toBe("Travaillez-vous dans l'agriculture (exploitant ou salarié agricole) ?");
  });

  test('commands in English: HELP, then UNSUBSCRIBE forgets the conversation', async () => {
    const chat = conversations();
    await chat.turn('rest', 'web-4', 'I lost my passport');
    expect(texts(await chat.turn('rest', 'web-4', 'help'))).toMatch(/^Describe your problem in a few words/);
    expect(texts(await chat.turn('rest', 'web-4', 'unsubscribe'))).toBe(
      'Done: our conversation is erased and I keep nothing about you. To start again later, just write your question.',
    );
  });
});

describe('a message in a language the bot does not read', () => {
  test.each([
    ['Portuguese', 'Perdi meu passaporte e não sei o que fazer agora', 'pt', /^Só consigo ler/],
    ['Turkish', 'Oturma iznimin süresi doldu, ne yapmam gerekiyor?', 'tr', /^Yalnızca şu dilleri okuyabiliyorum/],
    ['Japanese', 'パスポートをなくしました', 'ja', /^読めるのは次の言語だけです/],
  ])('%s gets the fixed sentence in that language, with 112, 114 and 39 39', async (_name, text, lang, start) => {
    const chat = conversations();
    const replies = await chat.turn('rest', `web-${lang}`, text);
    expect(replies).toEqual([{ text: expect.stringMatching(start), lang }]);
    expect(replies[0].text).toMatch(/112/);
    expect(replies[0].text).toMatch(/114/);
    expect(replies[0].text).toMatch(/39 39/);
    expect(replies[0].text).toMatch(/France Services/);
    // the conversation is not moved: French goes on as before
    expect((await chat.turn('rest', `web-${lang}`, "j'ai perdu ma carte d'identité"))[0].text).toBe("Vous habitez en France ou à l'étranger ?");
  });

  test('by SMS, a fixed sentence in a script GSM-7 lacks is sent in UCS-2 within three segments', async () => {
    const [sms] = render(await conversations().turn('sms', '+33600000002', 'ما هي الخطوات لتجديد بطاقة الإقامة الخاصة بي في فرنسا'), CAPABILITIES.sms);
    expect(sms.text).toMatch(/[\u0600-\u06FF]/);
    expect(smsSegmentCount(sms.text)).toBeLessThanOrEqual(3);
  });
});
