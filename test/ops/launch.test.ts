// `npm start` (app/launch.js): the server bundled once into the cache folder, read by the
// starts after it, and tsx when there is no cache folder or the bundle cannot be written. The
// bundle names no folder: a copy of the project elsewhere runs it as it is.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BotProcess } from './support/processes';
import { LAUNCHER, send, startBot } from './support/processes';

jest.setTimeout(90_000);

const LOST_CARD = 'J’ai perdu ma carte d’identité';
const WHERE = "Vous habitez en France ou à l'étranger ?";
const running: BotProcess[] = [];
const folders: string[] = [];

const PROJECT = join(__dirname, '..', '..');

async function launch(cacheDir: string, launcher = LAUNCHER): Promise<BotProcess> {
  const bot = await startBot({ STATE_SECRET: 'test-secret', CACHE_DIR: cacheDir, ANNUAIRE_INDEX: '' }, launcher);
  running.push(bot);
  return bot;
}

function cacheFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orientation-launch-'));
  folders.push(dir);
  return dir;
}

const bundles = (cacheDir: string) => readdirSync(join(cacheDir, 'server')).filter((name) => name.endsWith('.js'));

async function asksWhere(bot: BotProcess, person: string) {
  const answer = await send(bot.port, person, LOST_CARD);
  expect(answer.status).toBe(200);
  expect(answer.texts.some((text) => text.includes(WHERE))).toBe(true);
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.kill()));
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

test('the first start bundles the server into the cache folder, the next one runs that bundle as it is', async () => {
  const cacheDir = cacheFolder();
  await asksWhere(await launch(cacheDir), 'anne');
  const [bundle] = bundles(cacheDir);
  expect(bundles(cacheDir)).toEqual([bundle]);
  const written = statSync(join(cacheDir, 'server', bundle)).mtimeMs;
  await Promise.all(running.splice(0).map((bot) => bot.stop()));

  await asksWhere(await launch(cacheDir), 'bruno');
  expect(bundles(cacheDir)).toEqual([bundle]);
  expect(statSync(join(cacheDir, 'server', bundle)).mtimeMs).toBe(written);
});

test('without a cache folder, or one that cannot be written, the server runs through tsx and answers the same', async () => {
  await asksWhere(await launch('off'), 'claire');
  const notAFolder = join(cacheFolder(), 'file');
  writeFileSync(notAFolder, '');
  await asksWhere(await launch(notAFolder), 'denis');
});

test('a copy of the project in another folder runs the bundle as it is, from whatever folder it is started', async () => {
  const cacheDir = cacheFolder();
  await asksWhere(await launch(cacheDir), 'emile');
  const [bundle] = bundles(cacheDir);
  const written = statSync(join(cacheDir, 'server', bundle)).mtimeMs;
  await Promise.all(running.splice(0).map((bot) => bot.stop()));

  const copy = join(cacheFolder(), 'orientation');
  const skipped = new Set(['node_modules', '.git', '.cache']);
  cpSync(PROJECT, copy, { recursive: true, filter: (source) => source === PROJECT || !skipped.has(basename(source)) });
  symlinkSync(join(PROJECT, 'node_modules'), join(copy, 'node_modules'));
  await asksWhere(await launch(cacheDir, join(copy, 'app', 'launch.js')), 'fanny');
  expect(bundles(cacheDir)).toEqual([bundle]);
  expect(statSync(join(cacheDir, 'server', bundle)).mtimeMs).toBe(written);
});

test('a source edited after a start gives a new bundle, though the start before it kept the sources’ digest', async () => {
  const cacheDir = cacheFolder();
  const copy = join(cacheFolder(), 'orientation');
  const skipped = new Set(['node_modules', '.git', '.cache']);
  cpSync(PROJECT, copy, { recursive: true, filter: (source) => source === PROJECT || !skipped.has(basename(source)) });
  symlinkSync(join(PROJECT, 'node_modules'), join(copy, 'node_modules'));
  await asksWhere(await launch(cacheDir, join(copy, 'app', 'launch.js')), 'hélène');
  await Promise.all(running.splice(0).map((bot) => bot.stop()));
  const [before] = bundles(cacheDir);

  appendFileSync(join(copy, 'app', 'server.ts'), '// edited\n');
  await asksWhere(await launch(cacheDir, join(copy, 'app', 'launch.js')), 'igor');
  expect(bundles(cacheDir)).toHaveLength(2);
  expect(bundles(cacheDir)).toContain(before);
});

test('a new bundle keeps only the one before it: older ones are removed', async () => {
  const cacheDir = cacheFolder();
  mkdirSync(join(cacheDir, 'server'));
  ['oldest', 'older', 'previous'].forEach((name, age) => {
    const file = join(cacheDir, 'server', `${name}.js`);
    writeFileSync(file, '');
    utimesSync(file, 1_000_000 + age, 1_000_000 + age);
  });
  await asksWhere(await launch(cacheDir), 'gaston');
  expect(bundles(cacheDir).sort()).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.js$/), 'previous.js']);
});
