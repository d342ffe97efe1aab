import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCatalog } from '../../knowledge/catalog/catalog';
import { buildAnnuaireIndex, writeAnnuaireIndex } from '../../knowledge/annuaire/import';
import { loadAnnuaire } from '../../knowledge/annuaire/annuaire';
import { ROUBAIX_CPAM, apiRecord, bulkRecord, fixtureDir, writeApiFile, writeBulkFile } from './annuaire-fixtures';
import { OFFICE } from './office-hours';

const catalog = bundledCatalog();
let dir: string;

beforeEach(() => {
  dir = fixtureDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function importFile(path: string) {
  const { index, report } = await buildAnnuaireIndex(path, catalog.canonicalId);
  const out = join(dir, 'index.json');
  writeAnnuaireIndex(out, index);
  return { report, out, annuaire: loadAnnuaire(out)! };
}

describe('annuaire import', () => {
  it('indexes a bulk file by (service, commune), with every commune the office covers', async () => {
    const mairie = bulkRecord({ id: 'm-1', nom: 'Mairie - Exemple', type: 'mairie', commune: '59512' });
    const { report, annuaire } = await importFile(writeBulkFile(dir, [bulkRecord(ROUBAIX_CPAM), mairie]));

    expect(report).toMatchObject({ records: 2, loaded: 2, skipped: {}, dataDate: '2025-03-12' });
    expect(annuaire.offices('cpam', '59512').map((o) => o.id)).toEqual([ROUBAIX_CPAM.id]);
    expect(annuaire.offices('cpam', '59650').map((o) => o.id)).toEqual([ROUBAIX_CPAM.id]);
    expect(annuaire.offices('cpam', '75111')).toEqual([]);
    expect(annuaire.offices('mairie', '59512')[0]).toMatchObject({
      name: 'Mairie - Exemple',
      address: ['Bâtiment B', "1 place de l'Exemple"],
      postalCode: '99000',
      city: 'Exempleville',
      phone: '01 02 03 04 05',
      email: 'accueil@exemple.invalid',
      website: 'https://exemple.invalid/accueil',
      latitude: 50.6,
      updated: '2025-03-12',
    });
  });

  it('reads the API variant whose nested fields are JSON text', async () => {
    const { report, annuaire } = await importFile(writeApiFile(dir, [apiRecord(ROUBAIX_CPAM)]));
    expect(report.loaded).toBe(1);
    const [office] = annuaire.offices('cpam', '59650');
    expect(office.hours?.ranges).toEqual(OFFICE.ranges);
    expect(office.hours?.comments).toEqual(["Sur rendez-vous l'après-midi."]);
    expect(office.email).toBe('accueil@exemple.invalid');
  });

  it('reads a page of the API ({"results": [...]})', async () => {
    const path = join(dir, 'records.json');
    writeFileSync(path, JSON.stringify({ total_count: 1, results: [apiRecord(ROUBAIX_CPAM)] }));
    const { annuaire } = await importFile(path);
    expect(annuaire.offices('cpam', '59512').map((o) => o.id)).toEqual([ROUBAIX_CPAM.id]);
  });

  it('files old and new codes of the same kind of office under the catalog id', async () => {
    const records = [
      bulkRecord({ id: 'ft-1', nom: 'France Travail - Exemple', type: 'france_travail', commune: '59512' }),
      bulkRecord({ id: 'pe-1', nom: 'Pôle emploi - Exemple', type: 'pole_emploi', commune: '59512' }),
      bulkRecord({ id: 'dd-1', nom: 'Unité départementale - Exemple', type: 'direccte_ut', commune: '59350' }),
    ];
    const { annuaire, report } = await importFile(writeBulkFile(dir, records));
    expect(annuaire.offices('pole_emploi', '59512').map((o) => o.id)).toEqual(['ft-1', 'pe-1']);
    expect(annuaire.offices('ddets', '59350').map((o) => o.id)).toEqual(['dd-1']);
    expect(report.byService).toEqual({ ddets: 1, pole_emploi: 2 });
  });

  it('puts the offices standing in the commune before those covering it from elsewhere', async () => {
    const records = [
      bulkRecord({ id: 'a', nom: 'A - Caf de la ville voisine', type: 'caf', commune: '59350', covers: ['59350', '59512'] }),
      bulkRecord({ id: 'b', nom: 'B - Caf de Roubaix', type: 'caf', commune: '59512' }),
    ];
    const { annuaire } = await importFile(writeBulkFile(dir, records));
    expect(annuaire.offices('caf', '59512').map((o) => o.id)).toEqual(['b', 'a']);
  });

  it('skips bad records, counts them by reason, and keeps the good ones', async () => {
    const good = bulkRecord({ id: 'ok', nom: 'Mairie - Exemple', type: 'mairie', commune: '59512' });
    const records = [
      good,
      'not a record',
      { ...good, id: '' },
      { ...good, id: 'no-name', nom: '' },
      { ...good, id: 'no-type', pivot: [] },
      { ...good, id: 'no-commune', code_insee_commune: '', pivot: [{ type_service_local: 'mairie', code_insee_commune: ['xx'] }] },
      { ...good, id: 'bad-date', date_modification: '31/02/2025 10:00:00' },
      { ...good, id: 'national', categorie: 'SN' },
      { ...apiRecord({ id: 'bad-json', nom: 'Caf - Exemple', type: 'caf', commune: '59512' }), pivot: '[{"type_service_local": ' },
      good,
    ];
    const { report } = await importFile(writeBulkFile(dir, records));
    expect(report.records).toBe(10);
    expect(report.loaded).toBe(1);
    expect(report.skipped).toEqual({
      'not an object': 1,
      'missing id': 1,
      'missing nom': 1,
      'no office type (pivot)': 1,
      'no commune (code_insee_commune or pivot communes)': 1,
      'missing or invalid date_modification': 1,
      'not a local service (categorie SN)': 1,
      'invalid JSON in pivot': 1,
      'duplicate id': 1,
    });
  });

  it('gives the same index when run twice on the same file, whatever the record order', async () => {
    const records = [
      bulkRecord(ROUBAIX_CPAM),
      bulkRecord({ id: 'm-2', nom: 'Mairie - Deux', type: 'mairie', commune: '59650' }),
      bulkRecord({ id: 'm-1', nom: 'Mairie - Un', type: 'mairie', commune: '59512' }),
    ];
    const first = await importFile(writeBulkFile(dir, records, 'a.json'));
    const once = readFileSync(first.out, 'utf8');
    const second = await importFile(writeBulkFile(dir, [...records].reverse(), 'a.json'));
    expect(readFileSync(second.out, 'utf8')).toBe(once);
  });

  it('is run by operators as a command that prints what it loaded', () => {
    const input = writeBulkFile(dir, [bulkRecord(ROUBAIX_CPAM), { id: 'broken' }]);
    const out = join(dir, 'cli-index.json');
    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import-annuaire.ts', input, '--out', out], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(printed).toContain('records read:  2');
    expect(printed).toContain('offices kept:  1');
    expect(printed).toMatch(/1 +missing nom/);
    expect(loadAnnuaire(out)!.offices('cpam', '59512')).toHaveLength(1);
  });

  it('stops on a truncated file without touching the index in place', async () => {
    const path = writeBulkFile(dir, [bulkRecord(ROUBAIX_CPAM)]);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 200));
    await expect(buildAnnuaireIndex(path, catalog.canonicalId)).rejects.toThrow();
  });

  it('refuses a file that is not JSON with a clear message', async () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'hello');
    await expect(buildAnnuaireIndex(path, catalog.canonicalId)).rejects.toThrow('is not a JSON annuaire file');
  });
});
