import type { Matcher } from '../../bot/nlu/matcher';
import type { Intent } from '../../bot/trees/types';
import { understand } from '../../bot/engine/understand';
import { orient } from '../../bot/engine/orient';
import { normalize } from '../../bot/nlu/normalize';
import { stem } from '../../bot/nlu/stem';
import { analyze } from '../../bot/nlu/analyze';
import { bundledContext } from '../helpers/brain';

const ctx = bundledContext();
const topServices = (text: string) => orient(text, ctx).needs[0]?.services.map((s) => s.id) ?? [];

describe('the matcher understands everyday French', () => {
  test.each([
    ['jai perdu ma cart d identité', 'mairie_passeport_bio'],
    ["J'AI PERDU MA CARTE D'IDENTITE", 'mairie_passeport_bio'],
    ['carte didentite vole', 'mairie_passeport_bio'],
    ['ma cni est expiree', 'mairie_passeport_bio'],
    ['refaire mon pasport', 'mairie_passeport_bio'],
    ['c koi le numero pour la caf', 'caf'],
    ['la caf me réclame de l argent', 'caf'],
    ['je touche plus les apl', 'caf'],
    ['revenu de solidarite active', 'caf'],
    ['chui au chomage', 'pole_emploi'],
  ])('"%s" leads to %s', (text, service) => {
    expect(topServices(text)).toContain(service);
  });

  test('a word is not another that shares its stem: « collective » is no « collecte », « partie » no « partir »', () => {
    expect(orient('convention collective de branche', ctx).needs[0]?.id).not.toBe('dechets');
    expect(topServices('convention collective de branche')).toContain('ddets');
    expect(orient('se constituer partie civile', ctx).needs.map((n) => n.id)).not.toContain('information_jeunesse');
  });

  test('the forms of a labour word meet: « démissionner » is the « démission », « licenciée » the « licenciement »', () => {
    expect(topServices('comment puis-je démissionner ?')).toContain('code_travail_numerique');
    expect(orient("j'ai été licenciée", ctx).needs[0]?.id).toBe('licenciement');
  });

  test('a generated need is understood as surely as a curated one: its lower score only lets a curated need win a tie', () => {
    const sunday = orient('comment sont payés les dimanches ?', ctx);
    expect(sunday.understood).toBe(true);
    expect(sunday.needs[0]?.id).toBe('te_le_travail_du_dimanche');
  });

  test('a word that only frames the query weighs nothing: « égalité professionnelle définition » is the fiche on equality at work', () => {
    const equality = orient('égalité professionnelle définition', ctx);
    expect(equality.understood).toBe(true);
    expect(equality.needs[0]?.services.map((s) => s.id)).toContain('code_travail_numerique');
  });

  test('a leave for a death is a question for the employer, not the declaration of the death', () => {
    expect(orient('congé décès', ctx).needs[0]?.id).toBe('te_les_conges_pour_evenements_familiaux_et_le_conge_de_deuil');
    expect(orient('mon père est décédé que faire', ctx).needs[0]?.id).toBe('deces_declaration');
  });

  test.each([
    ['assistante maternelle', 'garde_enfant'],
    ['smic', 'salaire_conditions_travail'],
  ])('« %s », a phrase agents wrote for a need, is not asked back against a labour fiche saying it too', (text, need) => {
    expect(understand(text, ctx.matcher).best?.intent.id).toBe(need);
  });

  test.each([
    ['loyer', 'loi'],
    ['delai', 'delit'],
    ['rendez', 'rendre'],
    ['cours', 'cour'],
    ['isolation', 'isole'],
    ['don', 'donner'],
    ['coupure', 'coups'],
    ['auditif', 'audition'],
    ['fermement', 'ferme'],
    ['commandement', 'commande'],
    ['rentree', 'rentrer'],
    ['donnees', 'donner'],
  ])('« %s » does not share its stem with « %s »', (word, other) => {
    expect(stem(word)).not.toBe(stem(other));
  });

  test('the forms of one word share its stem', () => {
    expect(stem('loyers')).toBe(stem('loyer'));
    expect(stem('coupee')).toBe(stem('coupure'));
  });

  test('a woman telling her situation is understood as a man telling it', () => {
    expect(stem('handicapee')).toBe(stem('handicape'));
    expect(stem('refusees')).toBe(stem('refuser'));
    expect(orient('je suis séparée de mon mari', ctx).needs[0]?.id).toBe(orient('je suis séparé de ma femme', ctx).needs[0]?.id);
    expect(orient('je suis séparée de mon mari', ctx).understood).toBe(true);
  });

  test('a feminine participle, its accent folded, is its verb: « harcelée » meets « mon chef me harcèle »', () => {
    for (const [feminine, verb] of [
      ['harcelee', 'harcele'],
      ['agressees', 'agresser'],
      ['menacee', 'menace'],
    ])
      expect(stem(feminine)).toBe(stem(verb));
    expect(stem('annee')).not.toBe(stem('an'));
    expect(stem('duree')).not.toBe(stem('dur'));
    expect(orient('je suis harcelée par mon chef', ctx).needs[0]?.id).toBe('harcelement_travail');
  });

  test('a verb in the third person plural is its verb after a pronoun, and only there: « ils me harcèlent », but « il est violent »', () => {
    expect(orient('mes collègues me harcèlent au travail', ctx).needs[0]?.id).toBe('harcelement_travail');
    expect(analyze('ils me menacent').terms.map((t) => t.stem)).toEqual([stem('menace')]);
    expect(analyze('il est violent').terms.map((t) => t.stem)).toEqual([stem('violent')]);
    expect(analyze('mes parents').terms.map((t) => t.stem)).toEqual([stem('parents')]);
  });

  test("an age told with a harassment at work is no case for the young people's line", () => {
    const result = orient("j'ai 45 ans et je suis harcelée par mon chef", ctx);
    expect(result.understood).toBe(true);
    expect(result.needs[0]?.id).toBe('harcelement_travail');
    expect(result.needs[0]?.services.map((s) => s.id)).not.toContain('3018');
  });

  test('a denied word is read with its negation: « pas de diplôme » is no match for « mon diplôme »', () => {
    expect(orient("j'ai pas de diplôme et je cherche du travail", ctx).needs[0]?.id).toBe('jeune_emploi');
    const denied = ctx.matcher.match("j'ai pas de diplôme").candidates.find((c) => c.intent.id === 'jeune_emploi');
    expect(denied?.matched).toEqual(['diplome', 'pas diplome']);
    // what the agents' debug panel shows: « diplôme » alone no longer covers the phrase in full
    const lost = ctx.matcher.match("j'ai perdu mon diplôme").candidates.find((c) => c.intent.id === 'jeune_emploi');
    expect(lost?.parts?.phrase).toBeLessThan(0.9);
  });

  test('the situations a generated need tells apart (« À Paris », « À Lille ») are not its name', () => {
    expect(orient("j'ai cherché partout à Paris et à Lille", ctx).understood).toBe(false);
  });

  test('a fact in the first message picks the branch: living in Canada means the consulate', () => {
    expect(topServices('je vis au canada et mon passeport est perimé')[0]).toBe('ambassade_france_etranger');
  });

  test.each(['donne moi la recette des crepes', 'bonjour ça va', 'qwerty 123', 'je veux commander une pizza'])(
    '"%s" is not understood, rather than oriented anywhere',
    (text) => {
      expect(orient(text, ctx).understood).toBe(false);
    },
  );

  test.each([
    ['mon mari me frappe', '17'],
    ['mon ex me harcèle et me menace', '3919'],
    ['je pense au suicide', '3114'],
    ['pas de toit cette nuit avec mes enfants', '115'],
    ['mon pere me frappe', '119'],
  ])('"%s" is an emergency naming %s', (text, line) => {
    const result = orient(text, ctx);
    expect(result.urgent).toBe(true);
    expect(result.needs[0].services.map((s) => s.id)).toContain(line);
  });
});

describe('normalisation', () => {
  test('folds case, accents, apostrophes and SMS spellings', () => {
    expect(normalize("Jai perdu ma CARTE d'identité, ke faire ?")).toBe('j ai perdu ma carte d identite que faire');
    expect(normalize('chui sans apparte')).toBe('je suis sans appartement');
  });

  test('« n » is the elided « ne » before a vowel, and « numéro » elsewhere', () => {
    expect(normalize("je n'ai plus rien, ce n'est pas normal")).toBe('je n ai plus rien ce n est pas normal');
    expect(normalize('le n de la caf')).toBe('le numero de la caf');
    expect(normalize('appelez le n 3939')).toBe('appelez le numero 3939');
  });

  test('a word that names a property of every object is a word like any other', () => {
    expect(normalize('Constructor toString')).toBe('constructor tostring');
  });

  test('long forms become the acronym people also type', () => {
    expect(normalize('carte nationale d’identité')).toBe('cni');
    expect(normalize('Revenu de Solidarité Active')).toBe('rsa');
    expect(normalize('allocation aux adultes handicapés')).toBe('aah');
  });
});

describe('a language may read long stories with its own threshold', () => {
  const intent = { id: 'need', title: 'Need', generated: false, outcomes: { done: { services: ['mairie'] } } } as unknown as Intent;
  const story = 'word '.repeat(20).trim();
  const matcherScoring = (score: number, longMessageThreshold?: number): Matcher => ({
    match: () => ({ normalized: story, words: story.split(' '), candidates: [{ intent, score, matched: ['word'] }] }),
    longMessageThreshold,
  });

  test('a long story scored between the two thresholds is understood only where its language says so', () => {
    expect(understand(story, matcherScoring(0.42)).best).toBeUndefined();
    expect(understand(story, matcherScoring(0.42, 0.4)).best?.intent).toBe(intent);
  });
});
