import { sentence } from '../../bot/engine/render';
import { wordCount } from '../../bot/engine/understand';
import { analyzerFor } from '../../bot/lang/analyze';
import { clausesOf } from '../../bot/nlu/clauses';
import { CAPABILITIES } from '../../channels/capabilities';
import { splitText } from '../../channels/render/render';
import { converse } from '../helpers/brain';

// Chinese is written without spaces, with its own marks (« 。 », « ， », « ？ »), and newcomers glue
// French words to it (« 我的titre de séjour过期了 »): what the bot reads and writes must allow both.

describe('Chinese punctuation', () => {
  test('a sentence that ends with « 。 » gets no « . » after it; an unmarked Chinese one gets « 。 »', () => {
    expect(sentence('需缴纳印花税票,金额视居留类型而定。')).toBe('需缴纳印花税票,金额视居留类型而定。');
    expect(sentence('请前往 Préfecture (省政府分支机构)')).toBe('请前往 Préfecture (省政府分支机构)。');
    expect(sentence('您住在巴黎吗？')).toBe('您住在巴黎吗？');
    expect(sentence('Adressez-vous à la mairie')).toBe('Adressez-vous à la mairie.');
    expect(sentence('Annuaire : https://lannuaire.service-public.gouv.fr/')).toBe('Annuaire : https://lannuaire.service-public.gouv.fr/');
  });

  test('a long Chinese text is cut after « 。 », not inside a sentence', () => {
    const text = '居留证向您所在省的省政府申请,多数在网上办理。'.repeat(12);
    const pieces = splitText(text, { ...CAPABILITIES.messenger, maxTextLength: 100 });
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece).toMatch(/办理。$/);
  });

  test('clauses end at Chinese and Arabic marks, and keep their words', () => {
    expect(clausesOf('我的驾照丢了。我的居留卡也过期了')).toEqual(['我的驾照丢了', '我的居留卡也过期了']);
    expect(clausesOf('我的驾照丢了，还有居留卡')).toEqual(['我的驾照丢了', '还有居留卡']);
    expect(clausesOf('فقدت رخصة القيادة، وبطاقة الإقامة')).toEqual(['فقدت رخصة القيادة', 'وبطاقة الإقامة']);
  });
});

describe('Chinese glued to French words', () => {
  test('traditional characters are read as simplified, so one phrase serves Taiwan, Hong Kong and the mainland', () => {
    const words = (text: string) => analyzerFor('zh')(text).terms.map((t) => t.word);
    expect(words('學生房屋補助')).toEqual(words('学生房屋补助'));
    expect(words('我的居留證過期了')).toEqual(words('我的居留证过期了'));
  });

  test('words are found by a dictionary, not made across two words; a compound cut apart still meets its phrase', () => {
    const words = (text: string) => analyzerFor('zh')(text).terms.map((t) => t.word);
    expect(words('居留证过期了怎么办')).toEqual(expect.arrayContaining(['居留', '过期']));
    expect(words('居留证过期了怎么办')).not.toContain('期了');
    expect(words('我的居留证过期了')).toEqual(expect.arrayContaining(words('居留证')));
  });

  test('the French words are read apart from the Chinese', () => {
    const words = analyzerFor('zh')('我的titre de séjour过期了').terms.map((t) => t.word);
    expect(words).toEqual(expect.arrayContaining(['titre', 'sejour', '过期']));
  });

  test.each(['我的titre de séjour过期了。.', '我的carte de séjour快到期了'])('« %s » is understood as the residence permit', (text) => {
    const [turn] = converse([text]);
    expect(turn.replies[0].text).toBe('您住在巴黎吗?');
  });
});

describe('a long Chinese story is long', () => {
  test('Chinese is counted about two characters a word, French by its spaces', () => {
    expect(wordCount('我的居留过期了')).toBe(4);
    expect(wordCount('我的 titre de sejour 过期了')).toBe(6);
    expect(wordCount("ma carte vitale n'arrive pas")).toBe(5);
  });

  test('a story about an overstay (test/eval/lang/zh/tuning.yaml, jessiea345) is read at the long-message threshold', () => {
    const story =
      '那我有沒有逾其居留?有。在他們龜速效率下,三個月免簽根本不夠用(給我三百年免簽也不夠),所以在他們"口頭保證"不出法國境內不會有問題之下,我就低調度日,直到今天,才終於有了回音。';
    const [turn] = converse([story]);
    expect(turn.replies[0].text).toBe('您住在巴黎吗?');
  });
});
