import { detectLanguage } from '../../bot/lang/detect';
import { converse } from '../helpers/brain';

// Arabic and Persian share a script, Russian and Ukrainian too: a letter only one of them
// types decides; a greeting or a « yes » with no such letter keeps the conversation's language.
const LANGS = ['fr', 'en', 'ar', 'fa', 'ru', 'uk', 'zh', 'es'];
const lang = (text: string, current?: string) => detectLanguage(text, LANGS, current)?.lang;

describe('Arabic script: Persian only with a Persian letter', () => {
  test.each(['عندي ديون بزاف', 'بغيت نخدم فين نمشي', 'ما عنديش باش ناكل', 'خدام بلا كونترا', 'بغيت نجدد الكارط گريز'])(
    'Maghrebi Arabic « %s » is Arabic',
    (text) => expect(lang(text)).toBe('ar'),
  );

  test.each(['من کارت اقامت می‌خواهم', 'چطور گواهینامه‌ام را عوض کنم', 'دنبال خانه ارزان هستم'])('Persian « %s » is Persian', (text) =>
    expect(lang(text)).toBe('fa'),
  );

  test.each(['سلام', 'بله', 'ممنون'])('« %s » keeps Persian or Arabic, Arabic by default', (text) => {
    expect(lang(text, 'fa')).toBe('fa');
    expect(lang(text, 'ar')).toBe('ar');
    expect(lang(text)).toBe('ar');
  });
});

describe('Cyrillic: Ukrainian only with a Ukrainian letter', () => {
  test('a lone « Здравствуйте » or « Дякую » keeps Ukrainian or Russian', () => {
    for (const text of ['Здравствуйте', 'Дякую']) {
      expect(lang(text, 'uk')).toBe('uk');
      expect(lang(text, 'ru')).toBe('ru');
    }
  });

  test('a first short message with no Ukrainian letter is Ukrainian only when eld is sure', () => {
    expect(lang('я загубив паспорт')).toBe('uk');
    expect(lang('Добрый день')).toBe('ru');
  });

  test('Ukrainian and Russian letters still decide, and a long text with no Ukrainian letter is Russian', () => {
    expect(lang('Привіт, мені потрібна допомога', 'ru')).toBe('uk');
    expect(lang('Мне нужна помощь с документами', 'uk')).toBe('ru');
    expect(lang('Здравствуйте, как получить карту', 'uk')).toBe('ru');
  });
});

test('a Persian conversation goes on in Persian after « ممنون », an Arabic one in Arabic', () => {
  expect(converse(['من کارت اقامت می‌خواهم', 'ممنون']).map((turn) => turn.state.lang)).toEqual(['fa', 'fa']);
  expect(converse(['بغيت نجدد الكارط ديال الإقامة', 'ممنون']).map((turn) => turn.state.lang)).toEqual(['ar', 'ar']);
});

describe('Spanish, among its neighbours', () => {
  test.each(['perdí mi tarjeta de residencia', 'necesito ayuda con la CAF', 'cómo cambio mi permiso de conducir colombiano', 'mi marido me pega'])(
    '« %s » is Spanish',
    (text) => expect(lang(text)).toBe('es'),
  );

  test('Portuguese and Italian are not read as Spanish: named when long and sure, otherwise the conversation goes on', () => {
    expect(lang('não consigo marcar um horário na prefeitura para renovar o meu título de residência')).toBe('pt');
    expect(lang('come posso rinnovare il permesso di soggiorno in Francia')).toBe('it');
    expect(lang('obrigado', 'fr')).toBeUndefined();
  });

  test.each(['rompre un cdd', 'carte vitale', 'merci', 'la mairie'])('the short French « %s » does not leave French', (text) =>
    expect(lang(text) ?? 'fr').toBe('fr'),
  );

  test.each(['j ai perdu ma carte vitale', 'j ai egare ma carte nationale d identite', 'indemnites journalieres maternite', 'salarie detache visite medicale'])(
    'French typed without apostrophes or accents « %s » is not taken for a language the bot does not read',
    (text) => expect(lang(text) ?? 'fr').toBe('fr'),
  );
});
