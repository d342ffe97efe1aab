import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem, loadTreeSources } from '../../bot/trees/loader';
import { TreeRegistry } from '../../bot/trees/registry';
import { createKnowledge } from '../../knowledge';

const knowledge = createKnowledge();
const load = (text: string) => loadTreeSources([{ file: 'dialogs/essai.yaml', text }], knowledge);
const messages = (text: string) => load(text).problems.map(formatProblem);

const VALID = `theme: essai
title: Essai
intents:
  - id: passeport
    title: Passeport
    keywords: [passeport]
    start: lieu
    questions:
      lieu:
        text: En France ou à l'étranger ?
        choices:
          - label: En France
            next: france
          - label: À l'étranger
            next: etranger
    outcomes:
      france:
        services: [mairie_passeport_bio]
        why: En mairie équipée.
        source: {fiche: F21091, date: 2020-07-23}
      etranger:
        services: [ambassade_france_etranger]
        why: Au consulat.
        source: {fiche: F21091, date: 2020-07-23}
`;

describe('an agent who breaks a tree is told where and why', () => {
  test('a valid tree loads', () => {
    const result = load(VALID);
    expect(result.problems).toEqual([]);
    expect(result.trees?.intents.map((i) => i.id)).toEqual(['passeport']);
  });

  test('malformed YAML gives file:line:column and a plain explanation', () => {
    const broken = VALID.replace('        text: En France', '      text: En France').replace(
      "text: En France ou à l'étranger ?",
      "text: En France ou: à l'étranger ?",
    );
    const [message] = messages(broken);
    expect(message).toMatch(/^dialogs\/essai\.yaml:10:\d+ erreur : YAML mal formé/);
  });

  test('a choice leading nowhere names the missing node and suggests the right one', () => {
    const [message] = messages(VALID.replace('next: etranger', 'next: etrangere'));
    expect(message).toBe(
      "dialogs/essai.yaml:15:13 erreur : besoin « passeport » : la réponse 2 (« À l'étranger ») de la question « lieu » mène à « etrangere », qui n'existe pas. Vouliez-vous écrire « etranger » ?",
    );
  });

  test('a misspelled field name is pointed at, with the right spelling', () => {
    const [message] = messages(VALID.replace('    keywords: [passeport]', '    keyword: [passeport]'));
    expect(message).toMatch(/^dialogs\/essai\.yaml:6:5 erreur : champ inconnu « keyword ».*Vouliez-vous écrire « keywords » \?/);
  });

  test('a missing required field says which and what it is for', () => {
    const [message] = messages(VALID.replace('        why: Au consulat.\n', ''));
    expect(message).toMatch(/^dialogs\/essai\.yaml:22:9 erreur : il manque le champ « why » dans « etranger »/);
  });

  test('an intent with nothing to match is refused', () => {
    const [message] = messages(VALID.replace('    keywords: [passeport]\n', ''));
    expect(message).toMatch(/^dialogs\/essai\.yaml:4:5 erreur : besoin « passeport » : rien ne permet de reconnaître ce besoin/);
  });

  test('a duplicate intent id across files names both places', () => {
    const result = loadTreeSources(
      [
        { file: 'dialogs/a.yaml', text: VALID },
        { file: 'dialogs/b.yaml', text: VALID },
      ],
      knowledge,
    );
    expect(result.trees).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      'dialogs/b.yaml:4:5 erreur : le besoin « passeport » existe déjà (dialogs/a.yaml:4). Chaque besoin doit avoir un identifiant unique.',
    ]);
  });

  test('a bad date and a non-https online link are explained', () => {
    const text = VALID.replace('date: 2020-07-23}\n      etranger', 'date: 23/07/2020}\n      etranger').replace(
      '        why: En mairie équipée.',
      '        why: En mairie équipée.\n        online: {label: En ligne, url: "http://ants.gouv.fr"}',
    );
    const found = messages(text).join('\n');
    expect(found).toMatch(/date au format AAAA-MM-JJ/);
    expect(found).toMatch(/doit commencer par https:\/\//);
  });

  test('an unknown service id is refused', () => {
    const strict = { ...knowledge, canonicalServiceId: (id: string) => (id === 'mairie_passeport_bio' || id === 'ambassade_france_etranger' ? id : undefined) };
    const result = loadTreeSources([{ file: 'dialogs/essai.yaml', text: VALID.replace('[mairie_passeport_bio]', '[mairie_passport]') }], strict);
    expect(result.problems.map(formatProblem)).toEqual([
      'dialogs/essai.yaml:18:9 erreur : besoin « passeport » : le résultat « france » nomme le service « mairie_passport », qui est inconnu. Utilisez un identifiant de la liste des services (knowledge/catalog/services.yaml).',
    ]);
  });
});

describe('reloading trees', () => {
  test('a broken edit is refused and the last valid trees keep running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialogs-'));
    writeFileSync(join(dir, 'essai.yaml'), VALID);
    const registry = new TreeRegistry(dir, knowledge);
    writeFileSync(join(dir, 'essai.yaml'), VALID.replace('next: etranger', 'next: nulle_part'));
    const result = registry.reload();
    expect(result.trees).toBeUndefined();
    expect(result.problems[0].message).toMatch(/nulle_part/);
    expect(registry.current.matcher.match('passeport').candidates[0].intent.id).toBe('passeport');
  });
});
