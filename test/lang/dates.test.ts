import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StoredHours } from '../../knowledge/annuaire/types';
import { hoursLines, openingStatus } from '../../knowledge/hours/opening';
import { sourceLine } from '../../knowledge/wording';
import { dateWordsFor } from '../../bot/lang/catalog';
import { readPack } from '../../bot/lang/pack';
import { readYamlFile } from '../../bot/lang/yaml-file';
import type { TreeProblem } from '../../bot/trees/loader';
import { OFFICE } from '../knowledge/office-hours';

// Each language writes its words of dates and opening hours in its messages.yaml (« dates: »):
// the same times and dates as in French, in the language's words.

const LANG_DIR = path.join(__dirname, '..', '..', 'dialogs', 'lang');

function packOf(lang: string, text = readFileSync(path.join(LANG_DIR, lang, 'messages.yaml'), 'utf8')) {
  const problems: TreeProblem[] = [];
  const file = readYamlFile(`${lang}/messages.yaml`, text, problems);
  if (!file) throw new Error(problems.map((p) => p.message).join('\n'));
  return { pack: readPack(lang, file, () => true, problems), problems };
}

const mondaysOnly: StoredHours = { ranges: [{ from: 1, to: 1, slots: [[540, 720]] }], comments: [] };
const checked = { title: 'Service-Public.fr', fiche: 'F1344', date: '2020-08-01', verified: '2026-11-30' };

describe('opening hours and source lines in English: the same times and dates, in English words', () => {
  const english = packOf('en').pack.dates;

  it('says whether the office is open, and when it opens next', () => {
    expect(openingStatus(OFFICE, new Date('2026-01-12T08:00:00Z'), '59', english)).toBe('Open now, until 12:00');
    expect(openingStatus(OFFICE, new Date('2026-04-03T08:00:00Z'), '67', english)).toBe('Closed, public holiday (Vendredi Saint), opens Tuesday at 8:30');
    expect(openingStatus(mondaysOnly, new Date('2026-03-30T12:00:00Z'), '59', english)).toBe('Closed, opens Monday 13 April at 9:00');
    expect(openingStatus(undefined, new Date('2026-01-12T08:00:00Z'), '59', english)).toBe('Opening hours not given');
  });

  it('writes the week and the source line in English', () => {
    expect(hoursLines(OFFICE, english)).toEqual(['Monday to Thursday: 8:30 - 12:00, 13:30 - 16:00', 'Friday: 8:30 - 12:00']);
    expect(sourceLine(checked, false, english)).toBe('Source: Service-Public.fr F1344, 1 August 2020, checked on 30 November 2026.');
  });

  it('keeps French for a language whose words the team has not written', () => {
    expect(dateWordsFor('pt')).toBe(dateWordsFor('fr'));
  });
});

describe("in every other language the bot reads, the same times and dates in the language's words", () => {
  it.each([
    [
      'ru',
      'Закрыто. Откроется: понедельник, 13 апреля, 9:00',
      'Понедельник – четверг: 8:30 - 12:00, 13:30 - 16:00',
      'Источник: Service-Public.fr F1344, 1 августа 2020, проверено 30 ноября 2026.',
    ],
    [
      'uk',
      'Зачинено. Відчиниться: понеділок, 13 квітня, 9:00',
      'Понеділок – четвер: 8:30 - 12:00, 13:30 - 16:00',
      'Джерело: Service-Public.fr F1344, 1 серпня 2020, перевірено 30 листопада 2026.',
    ],
    [
      'zh',
      '已关闭,4月13日(星期一) 9:00开放',
      '星期一至星期四：8:30 - 12:00, 13:30 - 16:00',
      '来源: Service-Public.fr F1344, 2020年8月1日, 核实于 2026年11月30日.',
    ],
    [
      'ar',
      'مغلق، يفتح الاثنين 13 أبريل الساعة 9:00',
      'من الاثنين إلى الخميس: 8:30 - 12:00, 13:30 - 16:00',
      'المصدر: Service-Public.fr F1344, 1 أغسطس 2020, تم التحقق في 30 نوفمبر 2026.',
    ],
    [
      'es',
      'Cerrado, abre el lunes 13 de abril a las 9:00',
      'De lunes a jueves: 8:30 - 12:00, 13:30 - 16:00',
      'Fuente: Service-Public.fr F1344, 1 de agosto de 2020, verificado el 30 de noviembre de 2026.',
    ],
    [
      'fa',
      'بسته است، دوشنبه 13 آوریل ساعت 9:00 باز می‌شود',
      'دوشنبه تا پنجشنبه: 8:30 - 12:00, 13:30 - 16:00',
      'منبع: Service-Public.fr F1344, 1 اوت 2020, بررسی‌شده در 30 نوامبر 2026.',
    ],
  ])('%s: when the office opens next, its week, and the source line', (lang, opens, week, source) => {
    const { pack, problems } = packOf(lang);
    expect(problems.filter((p) => p.message.includes('date'))).toEqual([]);
    expect(openingStatus(mondaysOnly, new Date('2026-03-30T12:00:00Z'), '59', pack.dates)).toBe(opens);
    expect(hoursLines(OFFICE, pack.dates)[0]).toBe(week);
    expect(sourceLine(checked, false, pack.dates)).toBe(source);
  });
});

describe('a translator who writes the words of dates wrong is told where, and the French words stand in', () => {
  const written = (dates: string) => packOf('xx', `lang: xx\nname: Test\nmessages: {}\ndates:\n${dates}`);

  it('a template without its placeholder, a month list too short, an unknown field', () => {
    const { pack, problems } = written('  openUntil: "Open now"\n  months: [January]\n  weekday: Monday\n');
    const messages = problems.map((p) => p.message);
    expect(messages).toContain('langue « xx » : « openUntil » doit contenir « {time} », remplacé par la valeur.');
    expect(messages).toContain('langue « xx » : « months » est une liste de 12 mots.');
    expect(messages.some((m) => m.startsWith('langue « xx » : champ inconnu « weekday ».'))).toBe(true);
    expect(messages.some((m) => m.startsWith('langue « xx » : mots de date manquants, dits en français : months, days,'))).toBe(true);
    expect(openingStatus(OFFICE, new Date('2026-01-12T08:00:00Z'), '59', pack.dates)).toBe("Ouvert maintenant, jusqu'à 12:00");
  });
});
