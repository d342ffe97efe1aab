import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createKnowledge } from '../../knowledge';
import { formatProblem } from '../../bot/trees/loader';
import { CHANNEL_TREE_CHECKS } from '../../channels';
import { validateSources } from '../../bot/trees/validate';

// Each validation rule, shown on a small broken tree as an agent would write it.

const SOURCE = `source: {fiche: F1344, title: Service-Public.fr, date: 2026-11-29}`;

const knowledge = { ...createKnowledge(), canonicalServiceId: (id: string) => (['mairie', 'caf', 'msa', 'pole_emploi'].includes(id) ? id : undefined) };

function validate(yaml: string) {
  const { problems } = validateSources([{ file: 'dialogs/essai.yaml', text: yaml }], knowledge, CHANNEL_TREE_CHECKS);
  return problems.map(formatProblem);
}

const file = (intents: string) => `theme: essai\ntitle: Essai\nintents:\n${intents}`;

/** the need « aide » (housing benefit), its questions and results in `body` */
const aide = (body: string) =>
  file(`  - id: aide
    title: Aide au logement
    keywords: [apl]
${body}`);

/** its results under « outcomes: », at the CAF and at the MSA */
const CAF = `      caf:
        services: [caf]
        why: La CAF verse les aides au logement.
        ${SOURCE}
`;
const MSA = `      msa:
        services: [msa]
        why: La MSA verse les aides au régime agricole.
        ${SOURCE}
`;

/** one need with nothing to object to */
const VALID_TREE = aide(`    outcome:
      services: [caf]
      why: La CAF verse les aides au logement.
      ${SOURCE}
`);

describe('npm run validate tells agents what is wrong, and where', () => {
  test('an unknown service id is an error on the services line', () => {
    const lines = validate(
      aide(`    outcome:
      services: [caff]
      why: La CAF verse les aides au logement.
      ${SOURCE}
`),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^dialogs\/essai\.yaml:8:\d+ erreur : .*service « caff », qui est inconnu/));
  });

  test('a result no answer leads to is a warning on that result', () => {
    const lines = validate(
      aide(`    questions:
      regime:
        text: Travaillez-vous dans l'agriculture ?
        choices:
          - {label: Non, next: caf}
          - {label: Oui, next: caf}
    outcomes:
${CAF}${MSA}`),
    );
    expect(lines).toEqual([expect.stringMatching(/^dialogs\/essai\.yaml:18:7 attention : besoin « aide » : « msa » n'est jamais atteint/)]);
  });

  test('a question whose answers go round in circles is a dead end, an error', () => {
    const lines = validate(
      aide(`    questions:
      regime:
        text: Travaillez-vous dans l'agriculture ?
        choices:
          - {label: Non, next: caf}
          - {label: Oui, next: boucle}
      boucle:
        text: Êtes-vous exploitant ?
        choices:
          - {label: Oui, next: boucle}
          - {label: Non, next: boucle}
    outcomes:
${CAF}`),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^dialogs\/essai\.yaml:13:7 erreur : besoin « aide » : impasse : depuis la question « boucle », aucune réponse ne mène à un résultat/,
      ),
    ]);
  });

  test('a phrase that matches two needs equally is a warning on the phrase', () => {
    const intent = (id: string, service: string) => `  - id: ${id}
    title: Besoin ${id}
    keywords: [${id}]
    examples:
      - je ne reçois plus mes allocations
    outcome:
      services: [${service}]
      why: Ce service s'en occupe.
      ${SOURCE}
`;
    const lines = validate(file(intent('caf_paiement', 'caf') + intent('msa_paiement', 'msa')));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^dialogs\/essai\.yaml:8:9 attention : besoin « caf_paiement » : « je ne reçois plus mes allocations » \(examples\) correspond autant au besoin « msa_paiement »/,
      ),
    );
  });

  test('a phrase of several words read as one word other needs use is a warning on the phrase', () => {
    const intent = (id: string, phrase: string) => `  - id: ${id}
    title: Besoin ${id}
    synonyms: [${phrase}]
    outcome:
      services: [mairie]
      why: Ce service s'en occupe.
      ${SOURCE}
`;
    const lines = validate(
      file(
        intent('visite', 'voir mes enfants') +
          intent('garde', 'garde des enfants') +
          intent('ecole', 'inscrire mes enfants') +
          intent('emploi', 'pas de diplôme'),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^dialogs\/essai\.yaml:6:16 attention : besoin « visite » : « voir mes enfants » \(synonyms\) se lit comme le seul mot « enfants »/,
      ),
    );
    // a negation is read: « pas de diplôme » is not « diplôme »
    expect(lines.filter((line) => line.includes('se lit comme le seul mot'))).toHaveLength(1);
  });

  test('two answers that read the same are an error on the second one', () => {
    const lines = validate(
      aide(`    questions:
      regime:
        text: Travaillez-vous dans l'agriculture ?
        choices:
          - label: Non
            next: caf
          - label: Oui
            synonyms: [agricole, NON]
            next: msa
    outcomes:
${CAF}${MSA}`),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^dialogs\/essai\.yaml:14:34 erreur : besoin « aide » : dans la question « regime », « NON » \(réponse 2\) se confond avec la réponse 1 \(« Non »\)/,
      ),
    ]);
  });

  test('a result without a source is refused, and the message says what a source is', () => {
    const lines = validate(
      aide(`    outcome:
      services: [caf]
      why: La CAF verse les aides au logement.
`),
    );
    expect(lines).toEqual([expect.stringMatching(/^dialogs\/essai\.yaml:8:7 erreur : il manque le champ « source » .*fiche service-public\.fr.*date/)]);
  });

  test('a result whose essentials take more than three SMS is a warning on its why', () => {
    const longWhy = 'La CAF verse les aides au logement, et il faut le dire longuement. '.repeat(8).trim();
    const lines = validate(
      aide(`    outcome:
      services: [caf]
      why: ${longWhy}
      ${SOURCE}
`),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^dialogs\/essai\.yaml:9:12 attention : besoin « aide » : sur SMS, le résultat « resultat » \(titre, services, « why » et « bring »\) prend [4-9] SMS \(3 au plus\)/,
      ),
    ]);
  });

  test('a translated fixed text longer than three UCS-2 SMS is a warning on that text', () => {
    const help = 'Опишите вашу проблему в нескольких словах, и я скажу, какая служба может помочь. '.repeat(3).trim();
    const pack = `lang: ru\nname: Русский\nmessages:\n  help: "${help}"\n  thanks: Спасибо.\n`;
    const { problems } = validateSources(
      [
        { file: 'dialogs/essai.yaml', text: VALID_TREE },
        { file: 'dialogs/lang/ru/messages.yaml', text: pack },
      ],
      knowledge,
      CHANNEL_TREE_CHECKS,
    );
    const sms = problems.map(formatProblem).filter((line) => line.includes('sur SMS'));
    expect(sms).toEqual([
      expect.stringMatching(
        /^dialogs\/lang\/ru\/messages\.yaml:4:\d+ attention : langue « ru » : sur SMS, le message « help » fait \d+ caractères, soit 4 SMS \(3 au plus/,
      ),
    ]);
  });

  test('a valid tree gives no problem at all', () => {
    const lines = validate(VALID_TREE);
    expect(lines).toEqual([]);
  });
});

describe('the validate command', () => {
  test('exits non-zero and prints file:line:column when a tree has an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialogs-'));
    try {
      writeFileSync(
        join(dir, 'essai.yaml'),
        file(`  - id: aide\n    title: Aide\n    keywords: [apl]\n    outcome:\n      services: [caf]\n      why: La CAF.\n`),
      );
      const run = spawnSync(join(__dirname, '../../node_modules/.bin/tsx'), [join(__dirname, '../../scripts/validate.ts'), dir], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/essai\.yaml:8:7 erreur : il manque le champ « source »/);
      expect(run.stdout).toMatch(/1 erreur, 0 avertissement/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
