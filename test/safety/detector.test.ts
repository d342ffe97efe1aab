import { formatProblem, loadTreeSources } from '../../bot/trees/loader';
import { emergencyDetector } from '../../bot/safety/detector';
import { createKnowledge } from '../../knowledge';
import { bundledContext } from '../helpers/brain';

const knowledge = createKnowledge();
const load = (text: string) => loadTreeSources([{ file: 'dialogs/urgences.yaml', text }], knowledge);

const TREE = (signals: string, extra = '') => `theme: urgences
title: Urgences
signal_groups:
  - name: conjoint
    words: [mari, copain*]
past_signals:
  - il y a ans
now_signals:
  - en ce moment
negations: [pas]
intents:
  - id: violences
    title: Violences
    urgent: true
    signals:
${signals}
${extra}
    outcome:
      services: ["3919"]
      urgent: true
      why: Appelez le 3919.
      source: {url: "https://arretonslesviolences.gouv.fr", date: 2026-11-30}
`;

describe('agents write signals in YAML and are told where a signal is wrong', () => {
  test('a signal with groups, alternatives, word beginnings and « & » loads', () => {
    const result = load(TREE('      - "@conjoint me|m frapp*"\n      - femme battue & peur'));
    expect(result.problems).toEqual([]);
    const detector = emergencyDetector(result.trees!);
    expect(detector.detect("Mon copain m'a frappée hier")?.intent.id).toBe('violences');
    expect(detector.detect("j'ai peur, je suis une femme battue")?.sure).toBe(true);
    expect(detector.detect('femme battue')).toBeUndefined();
  });

  test.each([
    ['      - fr*', /urgences\.yaml:16:9 erreur : signal « fr\* » : .*au moins 3 lettres/],
    ['      - "@inconnu frappe"', /urgences\.yaml:16:9 erreur : signal « @inconnu frappe » : le groupe « @inconnu » n'existe pas\. Groupes connus : conjoint/],
    ['      - "fra*ppe"', /urgences\.yaml:16:9 erreur : .*l'étoile ne peut être qu'à la fin d'un mot/],
    ['      - a & ', /urgences\.yaml:16:9 erreur : .*une partie du signal est vide/],
  ])('%s is refused at its file:line:column', (signal, expected) => {
    const result = load(TREE(signal));
    expect(result.trees).toBeUndefined();
    expect(result.problems.map(formatProblem).join('\n')).toMatch(expected);
  });

  test.each([
    ['marre de vivre|la vie', 'vivre|la'],
    ['m attend* devant|en bas', 'devant|en'],
    ['avalé dans sa main|la bouche', 'main|la'],
  ])('a choice meant between expressions (« %s ») is refused: it never matches what its author meant', (signal, piece) => {
    const result = load(TREE(`      - ${signal}`));
    expect(result.trees).toBeUndefined();
    const message = result.problems.map(formatProblem).join('\n');
    expect(message).toContain(`urgences.yaml:16:9 erreur : signal « ${signal} » : « ${piece} » choisit entre des mots seuls`);
    expect(message).toMatch(/écrivez deux signaux/);
  });

  test('two signals, or a short word chosen alone written first, are accepted', () => {
    expect(load(TREE('      - marre de vivre\n      - marre de la vie')).problems).toEqual([]);
    expect(load(TREE('      - malaise avec|social')).problems).toEqual([]);
  });

  test('an urgent need found by phrases is refused: emergencies are not needs among others', () => {
    const result = load(TREE('      - femme battue', '    keywords: [violences]'));
    expect(result.problems.map(formatProblem).join('\n')).toMatch(/un besoin urgent est reconnu par ses « signals » seulement/);
  });
});

describe('the bundled detector reads situations, not single words', () => {
  const { trees } = bundledContext();
  const detector = emergencyDetector(trees);
  const found = (text: string) => detector.detect(text);

  test.each([
    ['mon bébé a avalé de la javel', 'empoisonnement'],
    ['mon voisin menace de me tuer', 'danger_immediat'],
    ['ça sent le gaz dans la cage d’escalier', 'fuite_gaz'],
    ['je dors dans ma voiture ce soir avec les enfants', 'sans_abri_ce_soir'],
    ['JE VEUX MOURIR', 'pensees_suicidaires'],
    ['mon pere a mal a la poitrine et au bras gauche', 'urgence_medicale'],
  ])('« %s » is %s, with its lines at once', (text, intent) => {
    expect(found(text)).toMatchObject({ intent: { id: intent }, sure: true });
  });

  test.each([
    ["j'ai été victime de violences il y a 5 ans, je veux porter plainte"],
    ['mettre fin à mon contrat'],
    ['mon patron me tue au travail'],
    ['commandement de quitter les lieux'],
    ['un prêt pour rembourser les autres'],
    ['je ne suis pas en danger'],
    ['le feu rouge est en panne devant la mairie'],
    ['ma fille est tombée enceinte, quelles aides ?'],
    ['je suis sourd, comment demander l’AAH ?'],
  ])('« %s » is not an emergency', (text) => {
    expect(found(text)).toBeUndefined();
  });

  test('a story placed far in the past is not an emergency now, unless it goes on now', () => {
    expect(found('il y a 10 ans mon mari me frappait')).toBeUndefined();
    expect(found('il y a 10 ans que mon mari me frappe, en ce moment il me menace avec un couteau')).toBeDefined();
  });

  test.each([
    ['mon copain ma frapé', 'violences_conjugales_maintenant'],
    ['ma mere venait de tomber dans les escaliers', 'urgence_medicale'],
    ['ce serait mieux si tout s arretait', 'pensees_suicidaires'],
    ['jveux quitter ce monde', 'pensees_suicidaires'],
  ])('typed fast on a phone, « %s » is still %s', (text, intent) => {
    expect(found(text)?.intent.id).toBe(intent);
  });

  test.each([
    ['Ce matin-là, elle ne répondait plus. Les pompiers l’ont emmenée à l’hôpital.'],
    ['mon père est décédé, que faire pour son compte en banque et la succession ?'],
    ['mon chien a avalé des médicaments'],
    ['j ai mangé du poisson à la cantine'],
    ['dans le jeu vidéo, le boss veut me tuer'],
  ])('« %s » (over, someone else’s care, a pet, a game) is not an emergency', (text) => {
    expect(found(text)).toBeUndefined();
  });

  test.each([
    ["j'étais morte de rire"],
    ['un fou rire, on arrivait plus à respirer'],
    ["j'ai le couteau sous la gorge avec la banque, mon mari ne dit rien"],
    ['mon mari me tape sur les nerfs'],
    ["je n'aime pas tirer sur l'ambulance"],
    ['Ce matin, je découvre un fait divers : un homme a frappé sa femme'],
    ['on a fait un exercice incendie au bureau, il y avait de la fumée partout'],
  ])('« %s » (figurative, someone else’s story, a drill) is not an emergency', (text) => {
    expect(found(text)).toBeUndefined();
  });

  test('a determiner of a signal belongs to the next word: « ma peur de la mort » is not « ma mort »', () => {
    expect(found('je buvais comme un médicament contre ma peur de la mort')).toBeUndefined();
    expect(found('je pense à ma propre mort tous les jours')?.intent.id).toBe('pensees_suicidaires');
  });

  test('an idiom hides only its own words: the rest of the message is still read', () => {
    expect(found('mort de rire, mais mon mari me frappe')).toMatchObject({ intent: { id: 'violences_conjugales_maintenant' }, sure: true });
  });

  test('a question on a procedure asks « en danger ? » for a clear signal and says nothing for a doubtful one', () => {
    expect(found('mon mari me frappe, comment porter plainte ?')).toMatchObject({ sure: false });
    expect(found('comment porter plainte après une agression ?')).toBeUndefined();
    expect(found('au secours, comment porter plainte, il me frappe')).toMatchObject({ sure: true });
  });

  test('someone at the door now wins over a story of the past', () => {
    expect(found('il a été condamné il y a 2 ans, il est devant ma porte et menace de me tuer')).toMatchObject({ sure: true });
  });

  test('after a story of the past, what is said now is the emergency', () => {
    expect(found("il y a 5 ans j'ai été violée, aujourd'hui je veux mourir")?.intent.id).toBe('pensees_suicidaires');
    expect(found("quand j'étais petite mon père me battait, ce soir j'ai envie d'en finir")?.intent.id).toBe('pensees_suicidaires');
    expect(found("j'avais 15 ans, je voulais mourir")).toBeUndefined();
  });

  test('a time or an outcome said negated tells no story of the past: « je ne vais pas bien » is not « je vais bien »', () => {
    expect(found('je ne vais pas bien, mon mari me frappe')?.intent.id).toBe('violences_conjugales_maintenant');
    expect(found("il ne s'en est pas sorti, il ne respire plus")?.intent.id).toBe('urgence_medicale');
    expect(found("il y a 5 ans mon mari me frappait, aujourd'hui je vais bien")).toBeUndefined();
  });

  test('asking for a number, or told to call one, asks « en danger ? » rather than raise the alarm', () => {
    expect(found('quel est le numéro du 115 ?')).toMatchObject({ intent: { id: 'sans_abri_ce_soir' }, sure: false });
    expect(found("une amie m'a conseillé d'appeler le 115")).toMatchObject({ sure: false });
    expect(found('je dors dehors ce soir, il fait froid')).toMatchObject({ intent: { id: 'sans_abri_ce_soir' }, sure: true });
  });

  test.each([['dans mon roman, le personnage veut se suicider'], ['dans le film, il veut la tuer'], ['une pelote de laine pour le tricot']])(
    '« %s » (a story made up, a noun) is not an emergency',
    (text) => {
      expect(found(text)).toBeUndefined();
    },
  );

  test('sleeping outside is the writer’s or their family’s, not people they read about or help', () => {
    expect(found('on nous a mis à la rue avec les enfants')?.intent.id).toBe('sans_abri_ce_soir');
    expect(found('mon fils dort dehors depuis 3 jours')?.intent.id).toBe('sans_abri_ce_soir');
    expect(found('elle dort dehors depuis hier, je suis inquiète')?.intent.id).toBe('sans_abri_ce_soir');
    expect(found("j'ai rencontré une famille qui dormait dans la rue")).toBeUndefined();
    expect(found('le staff est complètement à la rue cette saison')).toBeUndefined();
  });

  test('violence in progress is an emergency whoever the victim is', () => {
    expect(found('mon papa est en train de frapper ma maman')).toMatchObject({ sure: true });
  });

  test('blows on the writer in the present ask « en danger ? »; banging one’s own head, knocking or a kiss are no blows', () => {
    expect(found('ma coloc me frappe quand elle a bu')).toMatchObject({ intent: { id: 'danger_immediat' }, sure: false });
    expect(found('je me tape la tête contre les murs avec ce dossier')).toBeUndefined();
    expect(found("j'ai frappé à la porte de mon mari, personne")).toBeUndefined();
    expect(found("il a essayé de m'embrasser dans l'embrasure de la porte")?.intent.id).not.toBe('incendie_accident');
  });

  test('work is bounded: a message far longer than the engine accepts is read up to a limit', () => {
    const huge = `${'bonjour '.repeat(20_000)}au feu`;
    const start = performance.now();
    expect(found(huge)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(50);
  });
});
