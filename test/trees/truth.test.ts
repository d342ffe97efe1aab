import { isError, validateSources } from '../../bot/trees/validate';
import { readTreeSources } from '../../bot/trees/files';
import { formatProblem } from '../../bot/trees/loader';
import { DIALOGS_DIR } from '../../app/runtime';
import { createKnowledge } from '../../knowledge';
import { truthProblems } from '../../scripts/validate/truth';

// The truth checks of `npm run validate`, on trees an agent could write: each fault the 2026
// audit found is reported, with the place to fix it.

const knowledge = createKnowledge();
const now = new Date('2026-11-30T12:00:00Z');

function check(intents: string) {
  const text = `theme: test\ntitle: Test\nintents:\n${intents}`;
  const { trees, problems } = validateSources([{ file: 'dialogs/test.yaml', text }], knowledge, [], now);
  expect(problems.filter(isError).map(formatProblem)).toEqual([]);
  return truthProblems({ trees: trees!, knowledge, now }).map((p) => ({ severity: p.severity, line: p.line, message: p.message }));
}

/** the need « carte d'identité perdue », its questions and results in `body` */
const lostIdCard = (body: string) => `  - id: cni_perdue
    title: Carte d'identité perdue
    keywords: [carte perdue]
${body}`;

const F1344 =
  'source: {fiche: F1344, url: "https://www.service-public.fr/particuliers/vosdroits/F1344", title: Service-Public.fr, date: 2020-08-26, verified: 2026-11-30}';

test('a cost the cited fiche states must be in the outcome', () => {
  const problems = check(
    lostIdCard(`    outcome:
      services: [mairie_passeport_bio]
      why: "La demande se fait dans une mairie équipée."
      ${F1344}
`),
  );
  expect(problems).toEqual([
    expect.objectContaining({ severity: 'error', line: 8, message: expect.stringContaining('la source F1344 indique un coût (25 €, 12,50 €)') }),
  ]);
});

test('the cost is found in what to bring, and a cost that depends on the case may be said so', () => {
  expect(
    check(
      lostIdCard(`    outcome:
      services: [mairie_passeport_bio]
      why: "La demande se fait dans une mairie équipée."
      bring: ["un timbre fiscal de 25 €"]
      ${F1344}
`),
    ),
  ).toEqual([]);
});

test('a phone number or an address the source does not give is refused, unless the allow-list vouches for it', () => {
  const problems = check(
    lostIdCard(`    outcome:
      services: [mairie_passeport_bio]
      why: "Un timbre fiscal de 25 €. Appelez le 01 23 45 67 89, ou France Travail au 39 49."
      online: {label: Un site, url: "https://www.exemple-invente.fr"}
      ${F1344}
`),
  );
  expect(problems.map((p) => p.message)).toEqual([
    expect.stringContaining("« 01 23 45 67 89 » n'apparaît pas dans la source citée (F1344)"),
    expect.stringContaining('« https://www.exemple-invente.fr »'),
  ]);
});

test('a labour ministry fiche (travail-emploi.gouv.fr, fresher than the 2020 fiches) is read as a source too', () => {
  const outcome = (url: string) => `  - id: rupture
    title: Rupture conventionnelle
    keywords: [rupture conventionnelle]
    outcome:
      services: [ddets]
      why: "La rupture conventionnelle est homologuée par la DDETS, en ligne."
      online: {label: En ligne, url: "${url}"}
      source: {url: "https://travail-emploi.gouv.fr/la-rupture-conventionnelle-du-contrat-de-travail-duree-indeterminee", title: Ministère du Travail, date: 2025-07-10, verified: 2026-11-30}
`;
  expect(check(outcome('https://www.telerc.travail.gouv.fr'))).toEqual([]);
  expect(check(outcome('https://www.exemple-invente.fr')).map((p) => p.message)).toEqual([expect.stringContaining('« https://www.exemple-invente.fr »')]);
});

test('an obsolete name or raw markup in any text a person reads is an error', () => {
  const problems = check(`  - id: colonie
    title: "**Colonie de vacances**"
    keywords: [colonie]
    outcome:
      services: [mairie]
      why: "Renseignez-vous auprès de la DRJSCS ou d'un huissier de justice."
      source: {url: "https://exemple.invalid", title: Exemple, date: 2026-11-30, verified: 2026-11-30}
`);
  expect(problems.map((p) => p.message)).toEqual([
    expect.stringContaining('« ** » est une mise en forme'),
    expect.stringContaining("« huissier de justice » n'existe plus sous ce nom depuis 2022 : écrivez « commissaire de justice »"),
    expect.stringContaining("« DRJSCS » n'existe plus sous ce nom depuis 2021"),
  ]);
});

const F1341 =
  'source: {fiche: F1341, url: "https://www.service-public.fr/particuliers/vosdroits/F1341", title: Service-Public.fr, date: 2020-07-21, verified: 2026-11-30}';

test('a need that names only a consulate while its fiche has a France branch is an error', () => {
  const problems = check(`  - id: premiere_cni
    title: Première carte d'identité
    keywords: [première carte]
    outcome:
      services: [ambassade_france_etranger]
      why: "Adressez-vous au consulat."
      ${F1341}
`);
  expect(problems).toEqual([
    expect.objectContaining({
      severity: 'error',
      message: expect.stringContaining('seul le consulat est proposé, alors que la fiche F1341 indique aussi où aller en France (mairie_passeport_bio'),
    }),
  ]);
});

test("the consulate is right behind the answer « À l'étranger »", () => {
  expect(
    check(`  - id: premiere_cni
    title: Première carte d'identité
    keywords: [première carte]
    start: lieu
    questions:
      lieu:
        text: Vous habitez en France ou à l'étranger ?
        choices:
          - {label: En France, next: mairie}
          - {label: À l'étranger, next: consulat}
    outcomes:
      mairie:
        services: [mairie_passeport_bio]
        why: "Dans une mairie équipée."
        ${F1341}
      consulat:
        services: [ambassade_france_etranger]
        why: "Au consulat."
        ${F1341}
`),
  ).toEqual([]);
});

test('a rule checked more than 12 months ago, or never, is a warning', () => {
  const problems = check(
    lostIdCard(`    start: quand
    questions:
      quand:
        text: Quand ?
        choices:
          - {label: Hier, next: ancien}
          - {label: Avant-hier, next: jamais}
    outcomes:
      ancien:
        services: [mairie]
        why: "À la mairie."
        source: {url: "https://exemple.invalid", title: Exemple, date: 2024-01-01, verified: 2025-06-30}
      jamais:
        services: [mairie]
        why: "À la mairie."
        source: {url: "https://exemple.invalid", title: Exemple, date: 2024-01-01}
`),
  );
  expect(problems).toEqual([
    expect.objectContaining({ severity: 'warning', message: expect.stringContaining('vérifiée le 2025-06-30, il y a plus de 12 mois') }),
    expect.objectContaining({ severity: 'warning', message: expect.stringContaining('pas de date de vérification') }),
  ]);
});

test('the internal reference file is never cited as a source', () => {
  const problems = check(`  - id: interne
    title: Source interne
    keywords: [interne]
    outcome:
      services: [mairie]
      why: "À la mairie."
      source: {title: "Référentiel des identifiants de service du projet", date: 2026-11-29, verified: 2026-11-30}
`);
  expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('source interne')]);
});

test('the bundled trees have no truth error; a national phone the catalog shows without a source is a warning', () => {
  const { trees } = validateSources(readTreeSources(DIALOGS_DIR), knowledge, [], now);
  const problems = truthProblems({ trees: trees!, knowledge, now });
  expect(problems.filter(isError).map(formatProblem)).toEqual([]);
  expect(problems.map((p) => p.message)).toContainEqual(expect.stringContaining('le service « caf » affiche « 32 30 » sans source publique'));
});
