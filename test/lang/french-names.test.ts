import { languageContexts } from '../../bot/lang/context';
import { bundledContext } from '../helpers/brain';

// Newcomers copy the French names of their letters and offices into their own language
// (« avis d'imposition », « taxe foncière »): a translated need is also found by its French
// name. A French name that may be a word of the person's language is not taken for one:
// English « bail » (a lease in French).

const { trees } = bundledContext();
const firstNeed = (lang: string, text: string) => languageContexts(trees).get(lang)!.matcher.match(text).candidates[0]?.intent.id;
const needs = (lang: string, text: string) =>
  languageContexts(trees)
    .get(lang)!
    .matcher.match(text)
    .candidates.map((c) => c.intent.id);

describe('French names inside another language', () => {
  test.each([
    ['ru', "Мне пришло avis d'imposition, ничего не понимаю", 'impot_revenu'],
    ['uk', "Мені прийшов avis d'imposition, нічого не розумію", 'impot_revenu'],
    ['ru', 'Нам пришла taxe foncière за квартиру', 'impots_locaux'],
  ])('%s « %s » is read as %s', (lang, text, need) => {
    expect(firstNeed(lang, text)).toBe(need);
  });

  test('French names meet on their words, not on « de »: « permis de construire » is planning permission', () => {
    expect(firstNeed('en', 'the mayor came about our permis de construire for the garage')).toBe('autorisation_urbanisme');
  });

  test('an English word that is also a French name is read as English: « bail » is no lease', () => {
    expect(needs('en', 'my son was released on bail by the judge')).not.toContain('litige_locataire_proprietaire');
  });
});
