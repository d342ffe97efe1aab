import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedCommuneData, loadCommuneData } from '../../knowledge/communes/data';
import { resolveCommune } from '../../knowledge/communes/resolve';

// The communes index is built once from the Etalab and La Poste files and kept in the cache
// folder: a later start reads it and finds every commune exactly as the built one does.

let dir: string;
const before = process.env.CACHE_DIR;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'communes-cache-'));
  process.env.CACHE_DIR = dir;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (before === undefined) delete process.env.CACHE_DIR;
  else process.env.CACHE_DIR = before;
});

test('the communes index read from the cache folder is the one built from the data files', () => {
  const built = loadCommuneData();
  cachedCommuneData();
  expect(readdirSync(join(dir, 'communes'))).toEqual([expect.stringMatching(/\.communes\.json$/)]);
  const read = cachedCommuneData();
  expect(read).toEqual(built);
  expect([...read.byName.keys()]).toEqual([...built.byName.keys()]);
  for (const typed of ['lille', '59100', 'marsielle', 'st denis', 'Paris 15e']) expect(resolveCommune(read, typed)).toEqual(resolveCommune(built, typed));
  // one record per commune, shared by its tables, as when built
  expect(read.byName.get('roubaix')![0]).toBe(read.byCode.get('59512'));
});

test('with CACHE_DIR=off nothing is written', () => {
  process.env.CACHE_DIR = 'off';
  expect(cachedCommuneData().byCode.get('59512')?.name).toBe('Roubaix');
  expect(readdirSync(dir)).toEqual([]);
});
