// npm run bench:annuaire [-- --records 60000]
//
// Generates a synthetic annuaire in the bulk format (invented offices on real INSEE codes)
// in a temporary folder, imports it in a child process as `npm run import:annuaire` would,
// and prints the import time, its peak memory and the cost of one (service, commune) lookup.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OTHER_TYPES, generateAnnuaire, random } from './annuaire-synthetic';
import { loadAnnuaire } from '../knowledge/annuaire/annuaire';
import { createKnowledge } from '../knowledge';
import type { Intent, TreeOutcome } from '../bot/trees/types';

const RECORDS = Number(process.argv[process.argv.indexOf('--records') + 1]) || 60_000;
const LOOKUPS = 200_000;
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'annuaire-bench-'));
  try {
    const input = join(dir, 'annuaire.gouv_local.json');
    const output = join(dir, 'annuaire-index.json');
    const { communes } = await generateAnnuaire(input, RECORDS);
    console.log(`generated ${RECORDS} records, ${(statSync(input).size / 1e6).toFixed(0)} MB`);

    // exactly what an operator runs, with the memory settings of package.json
    const child = spawnSync('npm', ['run', '-s', 'import:annuaire', '--', input, '--out', output, '--json'], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr || 'import failed');
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!);
    console.log(`import: ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB (target < 15 s, < 400 MB)`);
    console.log(`  ${result.loaded} offices, ${result.keys} (service, commune) pairs, index ${(statSync(output).size / 1e6).toFixed(0)} MB`);

    const rssBefore = process.memoryUsage().rss;
    let started = performance.now();
    const annuaire = loadAnnuaire(output)!;
    const loadSeconds = (performance.now() - started) / 1000;
    const rssGrowth = (process.memoryUsage().rss - rssBefore) / 1e6;
    console.log(`index load in the bot: ${loadSeconds.toFixed(2)} s, +${rssGrowth.toFixed(0)} MB RSS`);

    const next = random(7);
    const services = ['mairie', ...OTHER_TYPES];
    const queries = Array.from(
      { length: 1000 },
      () => [services[Math.floor(next() * services.length)], communes[Math.floor(next() * communes.length)]] as const,
    );
    let found = 0;
    started = performance.now();
    for (let i = 0; i < LOOKUPS; i++) {
      const [service, commune] = queries[i % queries.length];
      found += annuaire.offices(service, commune, 3).length;
    }
    const micros = ((performance.now() - started) * 1000) / LOOKUPS;
    console.log(
      `lookup (service, commune), up to 3 offices read: ${micros.toFixed(2)} µs on average over ${LOOKUPS} lookups (${(found / LOOKUPS).toFixed(1)} offices each)`,
    );

    // The whole orientation card (catalog, offices, opening hours) for one service and commune.
    const knowledge = createKnowledge({ annuaireIndex: output, log: () => undefined });
    const pos = { file: 'bench', line: 1, column: 1 };
    const intent = { id: 'bench', title: 'Bench', pos } as Intent;
    const now = new Date();
    const cards = 20_000;
    const card = (i: number): void => {
      const [service, commune] = queries[i % queries.length];
      const outcome = { id: 'o', services: [service], why: '', bring: [], source: { date: '2025-01-01' }, urgent: false, askCommune: true, pos } as TreeOutcome;
      knowledge.orientation(intent, outcome, { commune: { code: commune, name: commune, departement: '', postalCodes: [] }, now });
    };
    card(0); // reads the index
    started = performance.now();
    for (let i = 0; i < cards; i++) card(i);
    const cardMicros = ((performance.now() - started) * 1000) / cards;
    console.log(`orientation card for one (service, commune): ${cardMicros.toFixed(1)} µs on average`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
