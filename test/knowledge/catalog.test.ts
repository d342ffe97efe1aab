import { createKnowledge } from '../../knowledge';

const knowledge = createKnowledge({ annuaireIndex: null });

// The ids of shared/reference/service-ids.md, sections 1 to 3.
const REFERENCE_IDS = [
  'mairie',
  'mairie_passeport_bio',
  'ccas',
  'cg',
  'prefecture',
  'sous_pref',
  'paris_ppp',
  'paris_ppp_titre_sejour',
  'paris_ppp_naturalisation',
  'paris_ppp_permis_conduire',
  'caf',
  'msa',
  'cpam',
  'carsat',
  'pole_emploi',
  'mission_locale',
  'cap_emploi',
  'cij',
  'maison_handicapees',
  'msap',
  'centre_impots',
  'centre_impots_fonciers',
  'sie',
  'urssaf',
  'adil',
  'mjd',
  'permanence_juridique',
  'conciliateur_justice',
  'tribunal_judiciaire',
  'prudhommes',
  'commissariat_police',
  'bav',
  'ddets',
  'ddpp',
  'banque_de_france',
  'commission_surendettement',
  'ambassade_france_etranger',
  'ofii',
  'crous',
  'etablissement_scolaire',
  'inspection_academique',
  'rectorat',
  'pmi',
  'creche',
  'relais_assistante_maternelle',
  'renovation_info_service',
  'anah',
  'notaire',
  'avocat_conseil_national',
  'huissier_justice',
  'inpi',
  'cci',
  'chambre_metier',
  'tribunal_commerce',
  'insee_siren_siret',
  'prefecture_greffe_associations',
  'spip',
  'defenseur_droits',
  'epci',
  'ants',
  'antai',
  'impots_gouv',
  'signal_conso',
  'info_escroqueries',
  'perceval',
  'casier_judiciaire',
  'cheque_energie',
  'scec',
  'maprocuration',
  'service_civique',
  'code_travail_numerique',
  '3939',
  '17',
  '15',
  '18',
  '112',
  '114',
  '115',
  '119',
  '3919',
  '3114',
  '3018',
];

describe('service catalog', () => {
  it.each(REFERENCE_IDS)('knows %s with a name, a sentence and a dated source', (id) => {
    expect(knowledge.canonicalServiceId(id)).toBe(id);
    const service = knowledge.service(id)!;
    expect(service.name.length).toBeGreaterThan(1);
    expect(service.handles).toMatch(/\.$/);
    expect(service.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['france_travail', 'pole_emploi'],
    ['france_services', 'msap'],
    ['direccte_ut', 'ddets'],
    ['direccte_ud_travail', 'ddets'],
    ['direccte_ut_travail', 'ddets'],
    ['sip', 'centre_impots'],
    ['tgi', 'tribunal_judiciaire'],
    ['ti', 'tribunal_judiciaire'],
    ['fr_renov', 'renovation_info_service'],
    ['point_justice', 'mjd'],
    ['gendarmerie', 'commissariat_police'],
    ['cias', 'ccas'],
    ['commissaire_justice', 'huissier_justice'],
    ['CPAM', 'cpam'],
  ])('takes the old or parallel code %s for %s', (alias, id) => {
    expect(knowledge.canonicalServiceId(alias)).toBe(id);
  });

  it("knows the other office types the service-public.fr fiches name, by the fiches' title", () => {
    expect(knowledge.service('ta')).toMatchObject({ id: 'ta', name: 'Tribunal administratif', local: true });
    expect(knowledge.service('cramif')?.name).toContain('Île-de-France');
  });

  it('rejects ids it does not know', () => {
    expect(knowledge.canonicalServiceId('caf_de_paris')).toBeUndefined();
    expect(knowledge.canonicalServiceId('constructor')).toBeUndefined();
    expect(knowledge.service('')).toBeUndefined();
  });

  it("shows today's names", () => {
    expect(knowledge.service('pole_emploi')?.name).toBe('France Travail');
    expect(knowledge.service('msap')?.name).toBe('France Services');
    expect(knowledge.service('ddets')?.name).toBe('Inspection du travail (DDETS)');
    expect(knowledge.service('tgi')?.name).toBe('Tribunal judiciaire');
    expect(knowledge.service('huissier_justice')?.name).toBe('Commissaire de justice');
  });

  it('gives a national phone only where the reference gives one', () => {
    const phones = Object.fromEntries(REFERENCE_IDS.map((id) => [id, knowledge.service(id)?.nationalPhone]).filter(([, phone]) => phone));
    expect(phones).toEqual({
      caf: '32 30',
      cpam: '36 46',
      carsat: '39 60',
      pole_emploi: '39 49',
      impots_gouv: '0 809 401 401',
      info_escroqueries: '0 805 805 817',
      cheque_energie: '0 805 204 805',
      '3939': '39 39',
      '17': '17',
      '15': '15',
      '18': '18',
      '112': '112',
      '114': '114',
      '115': '115',
      '119': '119',
      '3919': '39 19',
      '3114': '31 14',
      '3018': '30 18',
    });
  });

  it('marks the emergency lines urgent and the offices of the annuaire local', () => {
    expect(knowledge.service('3919')).toMatchObject({ urgent: true, local: false });
    expect(knowledge.service('cpam')).toMatchObject({ local: true });
    expect(knowledge.service('ants')).toMatchObject({ local: false, website: 'https://ants.gouv.fr' });
  });

  it('links the official annuaire search for a kind of office and a commune', () => {
    const roubaix = { code: '59512', name: 'Roubaix', departement: '59', postalCodes: ['59100'] };
    expect(knowledge.lookupLink('france_travail', roubaix)).toEqual({
      label: "Chercher « France Travail » près de Roubaix sur l'Annuaire de l'administration",
      url: 'https://lannuaire.service-public.gouv.fr/recherche?whoWhat=France+Travail&where=59100',
    });
    expect(knowledge.lookupLink('ants', roubaix)).toBeUndefined();
    expect(knowledge.lookupLink('nothing', roubaix)).toBeUndefined();
  });
});
