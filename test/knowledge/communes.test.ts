import { createKnowledge } from '../../knowledge';

const knowledge = createKnowledge({ annuaireIndex: null });

// [what the person typed, INSEE code found] — or a list of codes when we must ask which one.
const FOUND: Array<[string, string]> = [
  ['Roubaix', '59512'],
  ['roubaix', '59512'],
  ['ROUBAIX', '59512'],
  ['roubais', '59512'],
  ['Roubaix merci', '59512'],
  ["j'habite à Roubaix", '59512'],
  ['59100', '59512'],
  ['59512', '59512'],
  ['59100 Roubaix', '59512'],
  ['75011', '75111'],
  ['75016', '75116'],
  ['13001', '13201'],
  ['69003', '69383'],
  ['20000', '2A004'],
  ['2A004', '2A004'],
  ['Paris', '75056'],
  ['paris 11', '75111'],
  ['Paris 11e', '75111'],
  ['paris 11eme arrondissement', '75111'],
  ['11e arrondissement de Paris', '75111'],
  ['paris 1er', '75101'],
  ['marseille 1er', '13201'],
  ['Marseille 13e', '13213'],
  ['lyon 3e', '69383'],
  ['Lyon 9', '69389'],
  ['Marsielle', '13055'],
  ['bordeau', '33063'],
  ['Saint-Étienne', '42218'],
  ['saint etienne', '42218'],
  ['st etienne', '42218'],
  ['St-Étienne', '42218'],
  ['Aix-en-Provence', '13001'],
  ['aix en provence', '13001'],
  ['Le Havre', '76351'],
  ['au Havre', '76351'],
  ["L'Haÿ-les-Roses", '94038'],
  ['l hay les roses', '94038'],
  ['Cherbourg-Octeville', '50129'],
  ['saint denis 93', '93066'],
  ['Saint-Denis, dans le 93', '93066'],
  ['Roubaix, dans le Nord', '59512'],
  ["j'habite à Roubaix depuis 3 ans", '59512'],
  ['Saint-Denis (974)', '97411'],
  ['saint denis la réunion', '97411'],
  ['Sainte-Geneviève-des-Bois 91', '91549'],
  ['ste genevieve des bois essonne', '91549'],
  ['Strasbourg', '67482'],
  ['Toulouse', '31555'],
];

const AMBIGUOUS: Array<[string, string[]]> = [
  ['Saint-Denis', ['97411', '93066', '11339', '30247']],
  ['Valence', ['26362', '82186', '16392']],
  ['ste genevieve des bois', ['91549', '45278']],
  ['10200', ['10033']],
];

describe('commune resolution', () => {
  it.each(FOUND)('understands %j', (typed, code) => {
    const result = knowledge.resolveCommune(typed);
    expect(result.status === 'found' ? result.commune.code : result).toBe(code);
  });

  it.each(AMBIGUOUS)('asks which one for %j', (typed, codes) => {
    const result = knowledge.resolveCommune(typed);
    expect(result.status).toBe('ambiguous');
    if (result.status !== 'ambiguous') return;
    expect(result.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(codes));
    // the candidates say which département, so the question can name it
    expect(result.candidates.every((c) => c.departement.length >= 2 && c.departementName)).toBe(true);
  });

  it('names the départements of homonyms', () => {
    const result = knowledge.resolveCommune('Saint-Denis');
    expect(result.status === 'ambiguous' && result.candidates.map((c) => c.departementName)).toEqual(['La Réunion', 'Seine-Saint-Denis', 'Aude', 'Gard']);
  });

  it('gives the name, département and postal codes of the commune it found', () => {
    expect(knowledge.resolveCommune('roubaix')).toEqual({
      status: 'found',
      commune: { code: '59512', name: 'Roubaix', departement: '59', departementName: 'Nord', postalCodes: ['59100'] },
    });
  });

  it.each(['', '   ', 'asdfgh', '99999', '!!!', 'je ne sais pas'])('says it does not know %j', (typed) => {
    expect(knowledge.resolveCommune(typed).status).toBe('unknown');
  });
});

describe('a commune named inside a message', () => {
  it.each([
    ["J'ai perdu ma carte vitale, j'habite à Roubaix", '59512'],
    ['je vis au Havre depuis 2 ans', '76351'],
    ["j'habite à saint-denis 93", '93066'],
    ['je suis sur Marseille', '13055'],
    ['nous habitons à Paris 11e', '75111'],
    ['la mairie de Lille ne répond pas', '59350'],
    ["j'habite 75011 et je cherche du travail", '75111'],
    ['habitant de Nice', '06088'],
    ['75011', '75111'],
    ['mon adresse : 12 rue de la Gare, 59100 Roubaix', '59512'],
  ])('finds it in %j', (message, code) => {
    expect(knowledge.findCommuneInText(message)?.code).toBe(code);
  });

  it.each([
    'bonjour',
    "j'ai perdu mon emploi",
    'je suis à la rue',
    'je suis en retard pour mon dossier',
    "j'habite à Saint-Denis",
    'à cause de mon propriétaire',
    "j'habite à côté",
    "j'habite chez ma mère",
    'je suis à la retraite',
    "j'ai une dette de 15000 euros",
    'mon dossier 59100 est bloqué',
  ])('finds none in %j (not sure enough)', (message) => {
    expect(knowledge.findCommuneInText(message)).toBeUndefined();
  });
});

describe('a country other than France, named as where one lives', () => {
  const knowledge = createKnowledge({ annuaireIndex: null });
  test.each([
    ['je vis au Canada', 'Canada'],
    ["j'habite en Allemagne", 'Allemagne'],
    ['nous vivons aux États-Unis', "États-Unis d'Amérique"],
    ['j habite en angleterre', 'Royaume-Uni'],
  ])('"%s" is %s', (message, country) => {
    expect(knowledge.findCountryInText(message)).toBe(country);
  });

  test.each(['je suis en vacances en Espagne', 'je vis en Guadeloupe', 'je vis à Lyon', 'je vis en France'])('"%s" names no country abroad', (message) => {
    expect(knowledge.findCountryInText(message)).toBeUndefined();
  });
});
