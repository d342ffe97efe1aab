import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnowledge } from '../../knowledge';
import { planExample } from '../../app/agent/examples';
import { loadBrain, DIALOGS_DIR } from '../../app/runtime';
import { readTreeSources } from '../../bot/trees/files';
import { sharedTrees } from '../../app/trees/setup';
import { createLogger } from '../../app/ops/logger';

jest.setTimeout(60_000);

const knowledge = createKnowledge();
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((trees) => trees.stop()));
});
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dialogs-'));
  cpSync(DIALOGS_DIR, dir, { recursive: true });
  // Agents edit curated trees; the generated service-public.fr needs would compete with the phrases under test.
  rmSync(join(dir, 'service-public'), { recursive: true, force: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = (path: string) => readFileSync(path, 'utf8').split('\n');

/** The trees of `dir` in service, as the console edits them: validated, then written. */
async function inService(dir: string) {
  const { registry } = loadBrain({}, dir);
  const trees = sharedTrees({ registry, knowledge, dialogsDir: dir, logger: createLogger('silent') });
  await trees.start();
  running.push(trees);
  return { addExample: (intentId: string, phrase: string) => trees.edit((sources) => planExample(sources, intentId, phrase)) };
}

describe('an agent adds a citizen’s phrase as an example of a need', () => {
  test('the phrase lands in the YAML file, everything else untouched, and then matches', async () => {
    const path = join(dir, 'identite.yaml');
    const before = lines(path);
    const result = await (await inService(dir)).addExample('passeport', 'je dois voyager au maroc le mois prochain');
    expect(result).toMatchObject({ status: 'applied', version: 1 });
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
    const edit = planExample(readTreeSources(dir), 'essai_vitale', 'ma carte verte est cassée');
    expect(edit.ok && edit.after.split('\n').slice(0, 11)).toEqual([
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

  test('when the trees do not validate, the file stays as it was and the error is shown', async () => {
    const trees = await inService(dir);
    writeFileSync(join(dir, 'zz-casse.yaml'), 'theme: casse\ntitle: Cassé\nintents:\n  - id: casse\n    title: Cassé\n');
    const path = join(dir, 'identite.yaml');
    const before = readFileSync(path, 'utf8');
    const result = await trees.addExample('passeport', 'je dois voyager');
    expect(result).toMatchObject({ status: 'refused', message: expect.stringContaining("rien n'a été changé") });
    if (result.status !== 'refused') throw new Error('refused expected');
    expect(result.problems.map((p) => `${p.line}:${p.message}`)).toContainEqual(expect.stringMatching(/^4:besoin « casse » : il faut au moins un résultat/));
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  test('refuses a phrase that is already an example, or an unknown need', () => {
    const sources = readTreeSources(dir);
    expect(planExample(sources, 'passeport', "J'ai perdu mon PASSEPORT")).toMatchObject({
      ok: false,
      message: expect.stringContaining('déjà un exemple'),
    });
    expect(planExample(sources, 'inconnu', 'bonjour')).toMatchObject({ ok: false, message: expect.stringContaining("n'existe dans aucun fichier") });
  });
});
