import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnowledge } from '../../knowledge';
import { addExample } from '../../app/agent/examples';
import { loadBrain, DIALOGS_DIR } from '../../app/runtime';

const knowledge = createKnowledge();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dialogs-'));
  cpSync(DIALOGS_DIR, dir, { recursive: true });
  // Agents edit curated trees; the generated service-public.fr needs would compete with the phrases under test.
  rmSync(join(dir, 'service-public'), { recursive: true, force: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = (path: string) => readFileSync(path, 'utf8').split('\n');

describe('an agent adds a citizen’s phrase as an example of a need', () => {
  test('the phrase lands in the YAML file, everything else untouched, and then matches', () => {
    const path = join(dir, 'identite.yaml');
    const before = lines(path);
    const result = addExample(dir, 'passeport', 'je dois voyager au maroc le mois prochain', knowledge);
    expect(result).toMatchObject({ ok: true, file: path });
    const after = lines(path);
    const at = after.indexOf('      - je dois voyager au maroc le mois prochain');
    expect(after[at - 1]).toBe("      - j'ai perdu mon passeport");
    expect([...after.slice(0, at), ...after.slice(at + 1)]).toEqual(before);

    const { registry } = loadBrain({}, dir);
    expect(registry.current.matcher.match('je dois voyager au maroc').candidates[0].intent.id).toBe('passeport');
  });

  test('a need without examples gets an examples list after its synonyms', () => {
    const path = join(dir, 'essai.yaml');
    writeFileSync(
      path,
      `# écrit par un agent\ntheme: essai\ntitle: Essai\nintents:\n  - id: essai_vitale\n    title: Carte Vitale\n    keywords: [carte vitale]\n    synonyms: [vitale]  # le mot seul\n    outcome:\n      services: [cpam]\n      why: La CPAM délivre la carte Vitale.\n      source: {fiche: F13313, date: 2026-11-29}\n`,
    );
    expect(addExample(dir, 'essai_vitale', 'ma carte verte est cassée', knowledge).ok).toBe(true);
    expect(lines(path).slice(0, 11)).toEqual([
      '# écrit par un agent',
      'theme: essai',
      'title: Essai',
      'intents:',
      '  - id: essai_vitale',
      '    title: Carte Vitale',
      '    keywords: [carte vitale]',
      '    synonyms: [vitale] # le mot seul',
      '    examples:',
      '      - ma carte verte est cassée',
      '    outcome:',
    ]);
  });

  test('when the trees do not validate, the file is put back as it was and the error is shown', () => {
    writeFileSync(join(dir, 'zz-casse.yaml'), 'theme: casse\ntitle: Cassé\nintents:\n  - id: casse\n    title: Cassé\n');
    const path = join(dir, 'identite.yaml');
    const before = readFileSync(path, 'utf8');
    const result = addExample(dir, 'passeport', 'je dois voyager', knowledge);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('remis comme avant') });
    expect(result.problems.map((p) => `${p.line}:${p.message}`)).toContainEqual(expect.stringMatching(/^4:besoin « casse » : il faut au moins un résultat/));
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  test('refuses a phrase that is already an example, or an unknown need', () => {
    expect(addExample(dir, 'passeport', "J'ai perdu mon PASSEPORT", knowledge)).toMatchObject({
      ok: false,
      message: expect.stringContaining('déjà un exemple'),
    });
    expect(addExample(dir, 'inconnu', 'bonjour', knowledge)).toMatchObject({ ok: false, message: expect.stringContaining("n'existe dans aucun fichier") });
  });
});
