import { buildOfficeNameFinder } from '../../bot/nlu/office-names';
import { normalize } from '../../bot/nlu/normalize';

const finder = buildOfficeNameFinder([
  { name: 'caf', serviceIds: ['caf'] },
  { name: 'pôle emploi', serviceIds: ['pole_emploi', 'france_travail'] },
  { name: 'préfecture', serviceIds: ['prefecture'] },
]);
const named = (text: string) => [...finder(normalize(text).split(' '))].sort();

describe('offices a person names in a message', () => {
  it('finds a one-word name, with or without accents and capitals', () => {
    expect(named('La CAF me réclame 1200 euros')).toEqual(['caf']);
    expect(named('je suis allee a la prefecture trois fois')).toEqual(['prefecture']);
  });

  it('finds a name of several words, under its old name too', () => {
    expect(named('je suis inscrit a pole emploi depuis un an')).toEqual(['france_travail', 'pole_emploi']);
  });

  it('finds nothing in a message that names no office', () => {
    expect(named("j'ai perdu mon permis de conduire")).toEqual([]);
  });
});
