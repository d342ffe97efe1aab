import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCatalog } from '../../knowledge/catalog/catalog';
import { buildAnnuaireIndex, writeAnnuaireIndex } from '../../knowledge/annuaire/import';
import { liveAnnuaire } from '../../knowledge/annuaire/live';
import { loadAnnuaire } from '../../knowledge/annuaire/annuaire';
import { ROUBAIX_CPAM, bulkRecord, fixtureDir, writeBulkFile } from './annuaire-fixtures';

// A running bot picks up the index that `npm run fetch:annuaire` (run by cron) writes.

let dir: string;
beforeEach(() => {
  dir = fixtureDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function writeIndex(path: string, records: unknown[], secondsFromNow: number) {
  const { index } = await buildAnnuaireIndex(writeBulkFile(dir, records), bundledCatalog().canonicalId);
  writeAnnuaireIndex(path, index);
  const at = new Date(Date.now() + secondsFromNow * 1000);
  utimesSync(path, at, at);
}

test('a new index replaces the one in service; a damaged one does not', async () => {
  const path = join(dir, 'annuaire-index.json');
  const events: Array<Record<string, unknown>> = [];
  const annuaire = liveAnnuaire(path, (event) => events.push(event), 0);
  expect(annuaire()).toBeUndefined();

  await writeIndex(path, [bulkRecord(ROUBAIX_CPAM)], 0);
  expect(annuaire()?.officeCount).toBe(1);

  const mairie = bulkRecord({ id: 'm-1', nom: 'Mairie - Exemple', type: 'mairie', commune: '59512' });
  await writeIndex(path, [bulkRecord(ROUBAIX_CPAM), mairie], 10);
  expect(annuaire()?.officeCount).toBe(2);

  writeFileSync(path, '{"format": "something else"}\n');
  utimesSync(path, new Date(Date.now() + 20_000), new Date(Date.now() + 20_000));
  expect(annuaire()?.officeCount).toBe(2);
  expect(events.at(-1)).toMatchObject({ level: 'error', msg: 'annuaire index unreadable, the previous index stays in service' });
});

test('an index cut short anywhere in its table or its offices is refused at once, as before any lookup', async () => {
  const path = join(dir, 'annuaire-index.json');
  const mairie = bulkRecord({ id: 'm-1', nom: 'Mairie - Exemple', type: 'mairie', commune: '59512' });
  await writeIndex(path, [bulkRecord(ROUBAIX_CPAM), mairie], 0);
  const whole = readFileSync(path);
  expect(
    loadAnnuaire(path)
      ?.offices('mairie', '59512')
      .map((office) => office.name),
  ).toEqual(['Mairie - Exemple']);
  const table = whole.lastIndexOf(10, whole.length - 2) + 1;
  for (const end of [whole.length - 3, table + 12, table, table - 7]) {
    writeFileSync(path, whole.subarray(0, end));
    expect(() => loadAnnuaire(path)).toThrow();
  }
});

test('offices shown after a new index took the place of the one read come from the one read, with its table', async () => {
  const path = join(dir, 'annuaire-index.json');
  const mairie = (id: string, nom: string) => bulkRecord({ id, nom, type: 'mairie', commune: '59512' });
  await writeIndex(path, [mairie('m-1', 'Mairie - Exemple')], 0);
  const read = loadAnnuaire(path)!;
  await writeIndex(path, [bulkRecord(ROUBAIX_CPAM), mairie('m-2', 'Mairie - Nouvelle')], 10);
  expect(read.offices('mairie', '59512').map((office) => office.name)).toEqual(['Mairie - Exemple']);
  expect(
    loadAnnuaire(path)!
      .offices('mairie', '59512')
      .map((office) => office.name),
  ).toEqual(['Mairie - Nouvelle']);
});
