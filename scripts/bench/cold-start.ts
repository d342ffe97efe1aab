// Cold start: from spawning the server as production does (app/launch.js) to its first /healthz
// answer showing the trees of dialogs/ and the imported annuaire. First with an empty cache
// folder (server bundled, trees compiled, communes built, all written), then with it (the
// bundle, the compiled snapshot and the communes read).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixed, thousands, type Row } from './rows';
import { percentile } from './stats';
import { SERVER_ENTRY, serverArgs } from './http-load';

const ROOT = join(__dirname, '../..');
const RUNS = Number(process.env.BENCH_COLD_STARTS ?? 5);
/** the target, on an idle machine */
export const COLD_START_TARGET_MS = 1500;

interface ColdStart {
  wallMs: number;
  /** CPU the server process used until ready (user + system): what a busy machine does not inflate */
  cpuMs: number;
  intents: number;
  offices: number;
}

function health(port: number): Promise<{ trees: number; annuaire: { offices: number } } | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(res.statusCode === 200 ? JSON.parse(body) : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** user + system time of a running process, from /proc (clock ticks of 10 ms) */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function coldStart(env: Record<string, string>): Promise<ColdStart> {
  const started = performance.now();
  const child = spawn(process.execPath, serverArgs(SERVER_ENTRY), {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', STATE_SECRET: 'bench', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null || performance.now() - started > 60_000) throw new Error(`server did not start: ${log}`);
      const port = Number(/"port":(\d+),[^\n]*"msg":"listening"/.exec(log)?.[1]);
      const status = port ? await health(port) : undefined;
      if (status && status.annuaire.offices > 0) {
        return { wallMs: performance.now() - started, cpuMs: cpuMs(child.pid!), intents: status.trees, offices: status.annuaire.offices };
      }
      await sleep(5);
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** One start with an empty cache folder, then RUNS starts reading it; the annuaire index at `annuaireIndex`. */
export async function coldStartRows(annuaireIndex: string): Promise<{ rows: Row[]; target: string }> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'orientation-cache-'));
  const load = loadavg()[0];
  try {
    process.stderr.write('cold start, empty cache folder…\n');
    const env = { ANNUAIRE_INDEX: annuaireIndex, CACHE_DIR: cacheDir };
    const first = await coldStart(env);
    const warm: ColdStart[] = [];
    for (let run = 0; run < RUNS; run++) {
      process.stderr.write(`cold start ${run + 1}/${RUNS}, compiled snapshot in the cache folder…\n`);
      warm.push(await coldStart(env));
    }
    const wall = percentile(
      warm.map((r) => r.wallMs),
      50,
    );
    const cpu = percentile(
      warm.map((r) => r.cpuMs),
      50,
    );
    const setting = `${thousands(first.intents)} needs of dialogs/, ${thousands(first.offices)} offices`;
    const row = (what: string, ms: number, note: string): Row => ({ what, setting, rate: '–', p50: fixed(ms, 0), p99: '–', rss: '–', note });
    const rows = [
      row(
        'Cold start to a ready /healthz, first start',
        first.wallMs,
        `CPU ${thousands(first.cpuMs)} ms; trees compiled and communes built, both written to the cache folder`,
      ),
      row(
        'Cold start to a ready /healthz, compiled snapshot',
        wall,
        `median of ${RUNS} starts (fastest ${thousands(Math.min(...warm.map((r) => r.wallMs)))} ms); CPU ${thousands(cpu)} ms; load average ${fixed(load)} when the runs began`,
      ),
    ];
    const ok = wall <= COLD_START_TARGET_MS ? '✅' : '❌';
    const target = `${ok} cold start to a ready /healthz ≤ 1.5 s on an idle machine, all trees and ${thousands(first.offices)} offices: median ${thousands(wall)} ms (CPU ${thousands(cpu)} ms) at load average ${fixed(load)}; first start without the cache folder ${thousands(first.wallMs)} ms`;
    return { rows, target };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
