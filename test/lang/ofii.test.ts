import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';
import { smsSegmentCount } from '../../channels/render/sms-text';
import { bundledConversations, numbered } from '../helpers/newcomer';

// A newcomer asks about the OFII (visa validation, medical visit, integration contract), in
// English or in Arabic, on the web chat and by SMS: asked which step in the language, oriented
// to the OFII with its name in French and glossed, the online validation given on the web chat,
// and the OFII page cited with the day it was checked.

jest.setTimeout(60_000);

const conversations = bundledConversations('ofii-test');

const NEWCOMERS = [
  {
    name: 'English',
    lang: 'en',
    first: 'Hello, I have a question about the OFII',
    question: 'Your question is about:',
    choices: ['Validating the visa or the medical visit', 'The integration contract, civic training or French classes'],
    numberPrompt: 'Answer with the number.',
    office: "Office français de l'immigration et de l'intégration (OFII) (immigration and integration office)",
    // GSM-7 has no « ç »: English goes by SMS in GSM-7, Arabic in UCS-2
    smsOffice: "Office francais de l'immigration et de l'intégration (OFII) (immigration and integration office)",
    visa: {
      say: 'I have to validate my visa',
      why: 'Validate your visa (VLS-TS) online within 3 months of your arrival.',
      online: 'Validate the VLS-TS and pay the tax (ANEF)',
    },
    contract: { why: 'you sign the republican integration contract (CIR): civic training is compulsory' },
    source: 'Official text in French. Source: OFII, checked on 1 December 2026',
  },
  {
    name: 'Arabic',
    lang: 'ar',
    dir: 'rtl',
    first: 'السلام عليكم، عندي سؤال على الأوفي',
    question: 'سؤالك يتعلق بـ:',
    choices: ['تفعيل التأشيرة أو الفحص الطبي', 'عقد الاندماج، التكوين المدني أو دروس الفرنسية'],
    numberPrompt: 'أجب بالرقم.',
    office: "Office français de l'immigration et de l'intégration (OFII) (مكتب الهجرة والإدماج)",
    smsOffice: "Office français de l'immigration et de l'intégration (OFII) (مكتب الهجرة والإدماج)",
    visa: { say: 'خاصني نفعل الفيزا', why: 'فعّل تأشيرتك (VLS-TS) عبر الإنترنت خلال 3 أشهر من وصولك.', online: 'تفعيل VLS-TS ودفع الرسم (ANEF)' },
    contract: { why: 'توقّع عقد الاندماج الجمهوري (CIR): التكوين المدني إجباري' },
    source: 'النص الرسمي بالفرنسية. المصدر: OFII, تم التحقق في 1 ديسمبر 2026',
  },
];

describe.each(NEWCOMERS)('$name: a question about the OFII, from the first message to an orientation', (person) => {
  const marks = person.dir ? { lang: person.lang, dir: person.dir } : { lang: person.lang };

  test('on the web chat: asked which step, then the visa validation online, with the OFII named in French', async () => {
    const chat = conversations();
    const asked = await chat.turn('rest', `web-ofii-${person.lang}`, person.first);
    expect(asked).toEqual([{ text: person.question, choices: person.choices.map((label) => expect.objectContaining({ label })), ...marks }]);

    const oriented = await chat.turn('rest', `web-ofii-${person.lang}`, person.visa.say);
    const card = oriented.find((r) => r.orientation);
    expect(card).toMatchObject(marks);
    expect(card?.orientation?.services.map((s) => s.id)).toEqual(['ofii']);
    expect(card?.orientation?.services[0].name).toBe(person.office);
    expect(card?.orientation?.why).toMatch(new RegExp(`^${person.visa.why.replace(/[().]/g, '\\$&')}`));
    expect(card?.text).toContain(`${person.visa.online}, https://administration-etrangers-en-france.interieur.gouv.fr`);
    expect(card?.text).toContain(person.source);
  });

  test('by SMS: numbered steps answered by number, the integration contract, within three segments', async () => {
    const sms = conversations();
    const phone = `+3361000${person.lang.charCodeAt(0)}${person.lang.charCodeAt(1)}`;
    const [question] = render(await sms.turn('sms', phone, person.first), CAPABILITIES.sms);
    expect(question.text).toBe(numbered(person.question, person.choices, person.numberPrompt));

    const replies = await sms.turn('sms', phone, '2');
    expect(replies.find((r) => r.orientation)?.orientation?.why).toContain(person.contract.why);
    const answer = render(replies, CAPABILITIES.sms);
    expect(answer[0].text.split('\n')[1]).toBe(person.smsOffice);
    expect(answer.map((m) => m.text).join('\n')).toContain(person.source);
    for (const message of [question, ...answer]) expect(smsSegmentCount(message.text)).toBeLessThanOrEqual(3);
  });
});
