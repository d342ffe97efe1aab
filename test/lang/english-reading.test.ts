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
