import { bundledConversations, type Newcomer, newcomerTests, numbered } from '../helpers/newcomer';

// A newcomer writes in Arabic, Russian, Ukrainian, Chinese or Persian, on the web chat and by
// SMS, with the bundled trees and their translations (dialogs/lang/<code>/): asked in that
// language, answers in it (or by number by SMS), and is oriented in it, with the office's name
// in French as on its door, glossed, and the line saying the official text is in French, dated
// in the language.
// By SMS these scripts go in UCS-2 (70 characters a segment): every message stays within three.

jest.setTimeout(60_000);

const conversations = bundledConversations('langtests');

/** Each newcomer writes the same first message by SMS, and gets the same question, numbered. */
const NEWCOMERS: (Omit<Newcomer, 'sms'> & { numberPrompt: string })[] = [
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

describe.each(NEWCOMERS)('$name: from the first message to an orientation', ({ numberPrompt, ...person }) => {
  newcomerTests({ ...person, sms: { question: numbered(person.question, person.choices, numberPrompt) } }, conversations);
});
