import { frenchLexicon } from '../../bot/nlu/lexicon';
import { buildTypoCorrector } from '../../bot/nlu/typos';

// A French word people typed is corrected only into another form of itself, never into another
// word that looks like it: « saine » is not « saint », « heurte » is not « heure ».

describe('the French typo corrector', () => {
  const correct = buildTypoCorrector(['saint', 'heure', 'penalite', 'attache'], frenchLexicon);

  test.each(['saine', 'heurte', 'penalisee'])('« %s » is another French word than the one it is close to, left as written', (word) => {
    expect(correct(word)).toBeUndefined();
  });

  test('a French word that is another form of a known one is read as that one', () => {
    expect(correct('attacher')).toBe('attache');
  });
});
