// Operators see how old the imported annuaire is: /healthz, /metrics and the agent console
// give its date, and say so when it is over 30 days old.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../app/config';
import { startBot, type RunningBot } from '../../app/ops/start';
import { loadBrain } from '../../app/runtime';
import { bundledCatalog } from '../../knowledge/catalog/catalog';
import { buildAnnuaireIndex, writeAnnuaireIndex } from '../../knowledge/annuaire/import';
import { ROUBAIX_CPAM, bulkRecord, writeBulkFile } from '../knowledge/annuaire-fixtures';

jest.setTimeout(60_000);
const TOKEN = 'jeton-fraicheur-1234';
/** /metrics is served on the app port only to holders of METRICS_TOKEN */
const METRICS = 'jeton-des-metriques';
let dir: string;
const running: RunningBot[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'annuaire-freshness-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.stop()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** DD/MM/YYYY of `daysAgo` days before now, as the DILA writes date_modification. */
function dilaDate(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()} 10:00:00`;
}

async function botWithAnnuaireOf(daysAgo: number): Promise<string> {
  const index = join(dir, `index-${daysAgo}.json`);
  const file = writeBulkFile(dir, [bulkRecord({ ...ROUBAIX_CPAM, modified: dilaDate(daysAgo) })], `annuaire-${daysAgo}.json`);
  const { index: built } = await buildAnnuaireIndex(file, bundledCatalog().canonicalId);
  writeAnnuaireIndex(index, built);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', STATE_SECRET: 's', METRICS_TOKEN: METRICS });
  const saved = process.env.AGENT_TOKEN;
  process.env.AGENT_TOKEN = TOKEN;
  try {
    const bot = await startBot({ config, brain: loadBrain({ annuaireIndex: index, log: () => {} }) });
    running.push(bot);
    return `http://127.0.0.1:${(bot.server.address() as { port: number }).port}`;
  } finally {
    if (saved === undefined) delete process.env.AGENT_TOKEN;
    else process.env.AGENT_TOKEN = saved;
  }
}

test('a 45-day-old annuaire: /healthz, /metrics and the agent console give its date and warn', async () => {
  const url = await botWithAnnuaireOf(45);
  const expectedDate = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);

  const health = await (await fetch(`${url}/healthz`)).json();
  expect(health.status).toBe('ok');
  expect(health.annuaire).toMatchObject({ offices: 1, dataDate: expectedDate, ageDays: 45, stale: true });
  expect(health.annuaire.warning).toContain('run npm run fetch:annuaire');

  const metrics = await (await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${METRICS}` } })).text();
  expect(metrics).toContain('orientation_annuaire_offices 1');
  expect(metrics).toContain('orientation_annuaire_data_age_days 45');

  const consoleView = await (await fetch(`${url}/agent/api/problems`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
  expect(consoleView.annuaire).toMatchObject({ dataDate: expectedDate, stale: true });
});

test('a fresh annuaire carries no warning', async () => {
  const url = await botWithAnnuaireOf(2);
  const health = await (await fetch(`${url}/healthz`)).json();
  expect(health.annuaire).toMatchObject({ offices: 1, ageDays: 2, stale: false });
  expect(health.annuaire.warning).toBeUndefined();
});
