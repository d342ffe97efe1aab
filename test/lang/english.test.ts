import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';
import { smsSegmentCount } from '../../channels/render/sms-text';
import { bundledConversations, commandTests, emergencyTest, newcomerTests, texts } from '../helpers/newcomer';

// A newcomer writes in English, on the web chat and by SMS, with the bundled trees and their
// English translation (dialogs/lang/en/): understood in English, asked in English, oriented in
// English with office names in French and glossed, and the source line saying the official
// text is French. French words that are also English (« bonjour » is not one) never switch.

jest.setTimeout(60_000);

const conversations = bundledConversations('lang-test');

describe('an English conversation from the first message to an orientation', () => {
  newcomerTests(
    {
      name: 'English',
      lang: 'en',
      first: 'Hello, my residence permit expires next month, what should I do?',
      question: 'Do you live in Paris?',
      choices: ['No, elsewhere in France', 'Yes, in Paris'],
      answer: 'No, I live in Lyon',
      title: 'Residence permit (first application, renewal)',
      office: 'Préfecture (State office, residence permits)',
      why: 'The residence permit is applied for at the préfecture of your département',
      officialText: 'Official text in French. Source: Service-Public.fr F2231, 20 January 2020',
      another: 'Do you have another question? Describe it in a few words.',
      sms: {
        first: 'I lost my carte vitale',
        question: 'Do you work in agriculture (farmer or farm employee)?\n1 - No\n2 - Yes, in agriculture\nAnswer with the number.',
        lines: [
          'Carte Vitale, health insurance card (loss, theft, update)',
          "Caisse primaire d'assurance maladie (CPAM) (health insurance office)",
          'We do not have the local address. National number: 36 46',
          'What to bring : an ID photo, an identity document.',
          'Official text in French. Source: Service-Public.fr F265, 14 October 2020.',
          'Do you have another question? Describe it in a few words.',
        ],
      },
    },
    conversations,
  );

  emergencyTest(conversations, 'en', {
    text: 'my husband is hitting me right now',
    title: 'Violence from a partner, in danger',
    says: 'Call 17 or 112: the police or gendarmerie will come. If you cannot speak, send a text message to 114.',
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

  commandTests(conversations, 'en', {
    need: 'I lost my passport',
    help: ['help', /^Describe your problem in a few words/],
    stop: ['unsubscribe', 'Done: our conversation is erased and I keep nothing about you. To start again later, just write your question.'],
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
