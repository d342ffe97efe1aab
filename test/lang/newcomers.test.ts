import path from 'node:path';
import { Conversations } from '../../bot/conversation';
import { MemoryStateStore } from '../../bot/state/memory';
import { TreeRegistry } from '../../bot/trees/registry';
import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';
import { smsSegmentCount } from '../../channels/render/sms-text';
import { testKnowledge } from '../channels/support/knowledge';

// A newcomer writes in Arabic, Russian, Ukrainian, Chinese or Persian, on the web chat and by
// SMS, with the bundled trees and their translations (dialogs/lang/<code>/): asked in that
// language, answers in it (or by number by SMS), and is oriented in it, with the office's name
// in French as on its door, glossed, and the line saying the official text is in French, dated
// in the language.
// By SMS these scripts go in UCS-2 (70 characters a segment): every message stays within three.

jest.setTimeout(60_000);

const knowledge = testKnowledge();
const registry = new TreeRegistry(path.join(__dirname, '..', '..', 'dialogs'), knowledge);
const conversations = () => new Conversations(new MemoryStateStore(60_000), () => ({ ...registry.current, knowledge }), 'langtests');

interface Newcomer {
  name: string;
  lang: string;
  dir?: 'rtl';
  first: string;
  question: string;
  choices: string[];
  numberPrompt: string;
  answer: string;
  title: string;
  office: string;
  officialText: string;
  another: string;
}

const NEWCOMERS: Newcomer[] = [
  {
    name: 'Arabic, a lost residence permit (Maghrebi wording)',
    lang: 'ar',
    dir: 'rtl',
    first: 'فقدت بطاقة الإقامة ديالي، شنو ندير؟',
    question: 'هل تسكن في باريس؟',
    choices: ['لا، في مكان آخر في فرنسا', 'نعم، في باريس'],
    numberPrompt: 'أجب بالرقم.',
    answer: 'لا، أسكن في مرسيليا',
    title: 'بطاقة الإقامة (طلب أول، تجديد)',
    office: 'Préfecture (مكتب الدولة، بطاقات الإقامة)',
    officialText: 'النص الرسمي بالفرنسية. المصدر: Service-Public.fr F2231, 20 يناير 2020',
    another: 'هل لديك سؤال آخر؟ اكتبه في كلمات قليلة.',
  },
  {
    name: 'Russian, a lost Carte Vitale',
    lang: 'ru',
    first: 'Здравствуйте, я потеряла карту витале, что делать?',
    question: 'Вы работаете в сельском хозяйстве (фермер или работник фермы)?',
    choices: ['Нет', 'Да, в сельском хозяйстве'],
    numberPrompt: 'Ответьте номером.',
    answer: 'нет, я не работаю в сельском хозяйстве',
    title: 'Carte Vitale, карта медстраховки (потеря, кража, обновление)',
    office: "Caisse primaire d'assurance maladie (CPAM) (медицинская страховка)",
    officialText: 'Официальный текст — на французском. Источник: Service-Public.fr F265, 14 октября 2020',
    another: 'У вас есть другой вопрос? Опишите его в нескольких словах.',
  },
  {
    name: 'Ukrainian, a housing benefit for a rented flat',
    lang: 'uk',
    first: 'Доброго дня, як отримати допомогу на житло від CAF? Ми винаймаємо квартиру',
    question: 'Ви працюєте в сільському господарстві (фермер чи працівник ферми)?',
    choices: ['Ні', 'Так, у сільському господарстві'],
    numberPrompt: 'Відповідайте номером.',
    answer: 'ні, я працюю в ресторані',
    title: 'Допомога на житло (APL, ALF, ALS)',
    office: "Caisse d'allocations familiales (CAF) (сімейні допомоги та допомога на житло)",
    officialText: 'Офіційний текст — французькою. Джерело: Service-Public.fr F12006, 1 січня 2020, перевірено 30 листопада 2026',
    another: 'У вас є інше питання? Опишіть його кількома словами.',
  },
  {
    name: 'Chinese, a residence permit to renew',
    lang: 'zh',
    first: '你好，我的居留卡下个月到期了，怎么续签？',
    question: '您住在巴黎吗?',
    choices: ['不', '是'],
    numberPrompt: '请回复数字。',
    answer: '不，我住在里昂',
    title: '居留证(首次申请、续签)',
    office: 'Préfecture (省政府,办居留)',
    officialText: '官方文本为法语。 来源: Service-Public.fr F2231, 2020年1月20日',
    another: '您还有其他问题吗?请用几句话描述。',
  },
  {
    name: 'Persian, a lost residence permit',
    lang: 'fa',
    dir: 'rtl',
    first: 'سلام، کارت اقامتم را گم کردم، باید چکار کنم؟',
    question: 'آیا در پاریس زندگی می‌کنید؟',
    choices: ['نه، جای دیگری در فرانسه', 'بله، در پاریس'],
    numberPrompt: 'با شماره جواب دهید.',
    answer: 'نه، در لیون زندگی می‌کنم',
    title: 'کارت اقامت (درخواست اول، تمدید)',
    office: 'Préfecture (اداره دولتی استان، برای اقامت)',
    officialText: 'متن رسمی به فرانسوی است. منبع: Service-Public.fr F2231, 20 ژانویه 2020',
    another: 'سؤال دیگری دارید؟ در چند کلمه بنویسید.',
  },
];

describe.each(NEWCOMERS)('$name: from the first message to an orientation', (person) => {
  const marks = person.dir ? { lang: person.lang, dir: person.dir } : { lang: person.lang };

  test('on the web chat: asked and oriented in the language, each reply marked lang (and dir)', async () => {
    const chat = conversations();
    const asked = await chat.turn('rest', `web-${person.lang}`, person.first);
    expect(asked).toEqual([{ text: person.question, choices: person.choices.map((label) => expect.objectContaining({ label })), ...marks }]);

    const oriented = await chat.turn('rest', `web-${person.lang}`, person.answer);
    const card = oriented.find((r) => r.orientation);
    expect(card).toMatchObject(marks);
    expect(card?.orientation?.title).toBe(person.title);
    expect(card?.orientation?.services[0].name).toBe(person.office);
    expect(card?.text).toContain(person.office);
    expect(card?.text).toContain(person.officialText);
    expect(oriented[oriented.length - 1]).toEqual({ text: person.another, ...marks });
  });

  test('by SMS: numbered choices in the language, answered by number, every message within three UCS-2 segments', async () => {
    const sms = conversations();
    const phone = `+3360000${person.lang.charCodeAt(0)}${person.lang.charCodeAt(1)}`;
    const [question] = render(await sms.turn('sms', phone, person.first), CAPABILITIES.sms);
    expect(question.text).toBe([person.question, `1 - ${person.choices[0]}`, `2 - ${person.choices[1]}`, person.numberPrompt].join('\n'));

    const answer = render(await sms.turn('sms', phone, '1'), CAPABILITIES.sms);
    const [title, office] = answer[0].text.split('\n');
    expect(title).toBe(person.title);
    expect(office).toBe(person.office);
    expect(answer.map((m) => m.text).join('\n')).toContain(person.officialText);
    for (const message of [question, ...answer]) expect(smsSegmentCount(message.text)).toBeLessThanOrEqual(3);
  });
});
