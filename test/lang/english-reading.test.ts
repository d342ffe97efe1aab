import { languageContexts } from '../../bot/lang/context';
import { bundledContext } from '../helpers/brain';
import { analyzerFor } from '../../bot/lang/analyze';
import { lexiconOf } from '../../bot/nlu/lexicon';
import { buildTypoCorrector } from '../../bot/nlu/typos';

// How an English message is read before matching: a real English word is never « corrected »
// into a word the needs know (the French dictionary cannot tell « heard » from a slip of « hard »).

describe('the English typo corrector', () => {
  const correct = buildTypoCorrector(['hard', 'works', 'forms', 'prime', 'passport', 'director'], () => lexiconOf('en'));

  test.each(['heard', 'words', 'forums', 'price'])('« %s » is an English word, left as written', (word) => {
    expect(correct(word)).toBeUndefined();
  });

  test.each([
    ['pasport', 'passport'],
    ['directeur', 'director'],
  ])('« %s », no English word, is read as « %s »', (typed, known) => {
    expect(correct(typed)).toBe(known);
  });
});

describe('English spellings', () => {
  const analyze = analyzerFor('en');
  const stems = (text: string) => analyze(text).terms.map((t) => t.stem);

  test('American « -ization » meets British « -isation », and no longer « nature » or « regular »', () => {
    expect(stems('naturalization')).toEqual(stems('naturalisation'));
    expect(stems('regularization')).toEqual(stems('regularisation'));
    expect(stems('naturalization')).not.toEqual(stems('naturally'));
    expect(stems('regularization')).not.toEqual(stems('regular'));
  });

  test.each([
    ['my neighbor is noisy', 'my neighbour is noisy'],
    ["exchange my driver's license", 'exchange my driving licence'],
    ['the job center', 'the job centre'],
    ['mold in the bedroom', 'mould in the bedroom'],
    ['a labor inspector', 'a labour inspector'],
  ])('American « %s » reads as British « %s »', (american, british) => {
    expect(stems(american)).toEqual(stems(british));
  });

  test('an American neighbor with a noisy dog is read as the British one', () => {
    const { trees } = bundledContext();
    const first = (text: string) => languageContexts(trees).get('en')!.matcher.match(text).candidates[0]?.intent.id;
    expect(first('my neighbor has a dog that barks all night')).toBe(first('my neighbour has a dog that barks all night'));
  });
});

describe('offices named as the person calls them', () => {
  const { trees } = bundledContext();

  test('an office named by its English gloss (« public employment service ») lifts the needs that lead to it', () => {
    const { candidates } = languageContexts(trees).get('en')!.matcher.match('I have an appointment with the public employment service');
    const rank = (id: string) => candidates.findIndex((c) => c.intent.id === id);
    expect(rank('inscription_france_travail')).toBeGreaterThanOrEqual(0);
    expect(rank('inscription_france_travail')).toBeLessThan(rank('information_jeunesse'));
  });
});
