// `npm start` (app/launch.js): the server bundled once into the cache folder, read by the
// starts after it, and tsx when there is no cache folder or the bundle cannot be written.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotProcess } from './support/processes';
import { LAUNCHER, send, startBot } from './support/processes';

jest.setTimeout(90_000);

const LOST_CARD = 'J’ai perdu ma carte d’identité';
const WHERE = "Vous habitez en France ou à l'étranger ?";
const running: BotProcess[] = [];
const folders: string[] = [];

async function launch(cacheDir: string): Promise<BotProcess> {
  const bot = await startBot({ STATE_SECRET: 'test-secret', CACHE_DIR: cacheDir, ANNUAIRE_INDEX: '' }, LAUNCHER);
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
