import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadAnnuaire } from '../../knowledge/annuaire/annuaire';

// The operators' commands, run exactly as the README writes them: `npm run ... -- <args>`.

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const SAMPLE = 'test/commands/fixtures/exemple.gouv_local.json';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'annuaire-commands-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function npmRun(script: string, args: string[], env: Record<string, string>) {
  return run('npm', ['run', script, '--', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('npm run import:annuaire -- <file>', () => {
  it('imports a DILA bulk file into the index the bot reads (ANNUAIRE_INDEX)', async () => {
    const index = join(dir, 'annuaire-index.json');
    const { stdout } = await npmRun('import:annuaire', [SAMPLE], { ANNUAIRE_INDEX: index });

    expect(stdout).toContain('records read:  3');
    expect(stdout).toContain('offices kept:  2');
    expect(stdout).toContain('data as of:    2025-03-12');
    const annuaire = loadAnnuaire(index)!;
    expect(annuaire.offices('cpam', '59650').map((office) => office.name)).toEqual(["Caisse primaire d'assurance maladie - Accueil d'Exemple"]);
    expect(annuaire.offices('caf', '59350')).toHaveLength(1);
  }, 60_000);

  it('writes elsewhere with --out, before or after the file', async () => {
    const before = join(dir, 'before.json');
    const after = join(dir, 'after.json');
    await npmRun('import:annuaire', ['--out', before, SAMPLE], { ANNUAIRE_INDEX: join(dir, 'unused.json') });
    await npmRun('import:annuaire', [SAMPLE, '--out', after], { ANNUAIRE_INDEX: join(dir, 'unused.json') });
    expect(loadAnnuaire(before)?.officeCount).toBe(2);
    expect(loadAnnuaire(after)?.officeCount).toBe(2);
    expect(loadAnnuaire(join(dir, 'unused.json'))).toBeUndefined();
  }, 60_000);
});
