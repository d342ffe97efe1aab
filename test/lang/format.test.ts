import { formatProblem, loadTreeSources } from '../../bot/trees/loader';
import { testKnowledge } from '../channels/support/knowledge';

// What a translator of dialogs/lang/<code>/ is told by the loader (npm run validate, the agent
// console): unknown ids, a choice out of place, a number that is not in the French, a missing
// placeholder, what is left untranslated; and that a clean translation loads.

const knowledge = testKnowledge();

const FRENCH = `theme: test
title: Démarches de test
intents:
  - id: passeport
    title: Passeport
    keywords: [passeport]
    start: lieu
    questions:
      lieu:
        text: Vous habitez en France ou à l'étranger ?
        choices:
          - {label: En France, next: en_france}
          - {label: À l'étranger, next: etranger}
    outcomes:
      en_france:
        services: [mairie]
        why: "Le passeport se demande en mairie."
        bring: ["un timbre fiscal de 86 €"]
        source: {fiche: F0000, title: Fiche de test, date: 2026-03-12}
      etranger:
        services: [ambassade_france_etranger]
        why: "À l'étranger, au consulat. Il coûte 96 €."
        source: {fiche: F0000, title: Fiche de test, date: 2026-03-12}
  - id: mariage
    title: Se marier
    keywords: [mariage]
    outcome:
      services: [mairie]
      why: "Le dossier se dépose à la mairie."
      source: {fiche: F0000, title: Fiche de test, date: 2026-03-12}
`;

const MESSAGES = `lang: en
name: English
messages:
  tooLong: "Your message is very long. Can you sum it up in fewer than {max} characters?"
yes: [yes]
no: [no]
`;

const PASSPORT = `lang: en
title: Test procedures
intents:
  passeport:
    title: Passport
    keywords: [passport]
    questions:
      lieu:
        text: Do you live in France or abroad?
        choices:
          - {next: en_france, label: In France}
          - {next: etranger, label: Abroad}
    outcomes:
      en_france:
        why: "You apply for the passport at the town hall."
        bring: ["a tax stamp of €86"]
      etranger:
        why: "Abroad, at the consulate. It costs €96."
`;

const load = (translation: string, messages = MESSAGES) =>
  loadTreeSources(
    [
      { file: 'dialogs/test.yaml', text: FRENCH },
      { file: 'dialogs/lang/en/messages.yaml', text: messages },
      { file: 'dialogs/lang/en/test.yaml', text: translation },
    ],
    knowledge,
  );
const said = (translation: string, messages?: string) => load(translation, messages).problems.map(formatProblem);

test('a clean translation loads: English needs, the French ones untouched, and what is left untranslated is reported', () => {
  const { trees, problems } = load(PASSPORT);
  const english = trees?.languages?.get('en');
  expect(english?.trees.byId.get('passeport')?.questions.lieu.text).toBe('Do you live in France or abroad?');
  expect(english?.trees.byId.get('passeport')?.outcomes.etranger.why).toBe('Abroad, at the consulate. It costs €96.');
  expect(trees?.byId.get('passeport')?.questions.lieu.text).toBe("Vous habitez en France ou à l'étranger ?");
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(problems.map(formatProblem)).toContainEqual(
    expect.stringMatching(
      /dialogs\/lang\/en\/test\.yaml:1:1 attention : traduction « en » : traduction manquante pour dialogs\/test\.yaml : 1 besoin\(s\), mariage\./,
    ),
  );
  expect(problems.map(formatProblem)).toContainEqual(
    expect.stringMatching(/dialogs\/lang\/en\/messages\.yaml:\d+:\d+ attention : langue « en » : traduction manquante de \d+ message\(s\)/),
  );
});

test('a fee changed by the translation is an error, at the line of the outcome', () => {
  expect(said(PASSPORT.replace('It costs €96.', 'It costs €69.'))).toContainEqual(
    expect.stringMatching(
      /^dialogs\/lang\/en\/test\.yaml:18:9 erreur : traduction « en » : besoin « passeport », résultat « etranger », why : le nombre 69 n'est pas dans le texte français/,
    ),
  );
  expect(load(PASSPORT.replace('It costs €96.', 'It costs €69.')).trees).toBeUndefined();
});

test('a number dropped is a warning; a link written in a translation is an error', () => {
  expect(said(PASSPORT.replace('a tax stamp of €86', 'a tax stamp'))).toContainEqual(
    expect.stringMatching(/attention : .*bring : le nombre 86 du texte français manque/),
  );
  expect(said(PASSPORT.replace('at the town hall.', 'at the town hall, see https://example.test.'))).toContainEqual(
    expect.stringMatching(/erreur : .*pas d'adresse web dans une traduction/),
  );
});

test('unknown ids and a choice out of place are errors', () => {
  expect(said(PASSPORT.replace('  passeport:\n', '  passport:\n'))).toContainEqual(
    expect.stringMatching(/erreur : traduction « en » : le besoin « passport » n'existe pas dans dialogs\/test\.yaml/),
  );
  expect(said(PASSPORT.replace('      en_france:\n        why', '      in_france:\n        why'))).toContainEqual(
    expect.stringMatching(/erreur : traduction « en » : le résultat « in_france » n'existe pas dans le besoin « passeport »/),
  );
  const swapped = PASSPORT.replace('{next: en_france, label: In France}', '{next: etranger, label: In France}');
  expect(said(swapped)).toContainEqual(expect.stringMatching(/erreur : .*question « lieu », réponse 1 : « next: etranger » au lieu de « en_france »/));
});

test('a message must keep its placeholder and its numbers', () => {
  const broken = MESSAGES.replace('fewer than {max} characters', 'fewer characters');
  expect(said(PASSPORT, broken)).toContainEqual(expect.stringMatching(/erreur : langue « en » : « tooLong » doit contenir « \{max\} »/));
  const phone = `${MESSAGES.replace('messages:\n', 'messages:\n  humanHelp: "Call Allô Service Public on 39 40."\n')}`;
  expect(said(PASSPORT, phone)).toContainEqual(expect.stringMatching(/erreur : .*message « humanHelp » : le nombre 3940 n'est pas dans le texte français/));
});
