// The horizontal-scale rows of `npm run bench`: 1, 2 and 4 bot processes sharing one Redis,
// behind one port (scripts/bench/cluster-server.ts, node:cluster distributing connections round
// robin), driven like the REST rows. The Redis is one of their own, so that the CPU it spends per
// turn (what bounds scaling out on one Redis master) is theirs alone. Written into their own
// section of docs/benchmarks.md, alone with `npm run bench -- --horizontal`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { measure, startServer } from './http-load';
import type { LoadResult } from './http-load';
import { fixed, ms, table, thousands, type Row } from './rows';
import Redis from 'ioredis';

const ROOT = join(__dirname, '..', '..');
const PROCESSES = [1, 2, 4];
const CONNECTIONS = 50;
const WARMUP_SECONDS_PER_PROCESS = 8;
const HEADING = '## Horizontal scale';

/** A redis-server of the bench's own on a free port, keeping nothing on disk. */
async function privateRedis(): Promise<{ url: string; client: Redis; stop(): Promise<void> }> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { retryStrategy: () => 100 });
  client.on('error', () => undefined); // refused until redis-server listens: retried
  await client.ping();
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      child.kill('SIGKILL');
    },
  };
}

/** Seconds of CPU the Redis server has spent so far. */
async function redisCpu(client: Redis): Promise<number> {
  const info = await client.info('cpu');
  return Number(/used_cpu_user:([\d.]+)/.exec(info)![1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)![1]);
}

/** Seconds of CPU the bot processes (their pids as they logged them) have spent so far. */
function botsCpu(log: string): number {
  const pids = new Set([...log.matchAll(/"pid":(\d+)/g)].map((match) => match[1]));
  // utime and stime, in clock ticks (100 a second on Linux), after the command name
  const ticks = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).map(Number);
  return [...pids].reduce((sum, pid) => sum + ticks(pid).reduce((a, b) => a + b, 0) / 100, 0);
}

/** One row per process count, each on fresh processes and a fresh Redis. */
export async function horizontalRows(annuaireIndex: string, seconds: number): Promise<Row[]> {
  const results: (LoadResult & { redisCpuS: number; botsCpuS: number })[] = [];
  for (const processes of PROCESSES) {
    process.stderr.write(`REST, Redis state, ${processes} process(es) behind node:cluster…\n`);
    const redis = await privateRedis();
    // Every request comes from 127.0.0.1: the per-address budget would stop the load at once.
    const env = { ANNUAIRE_INDEX: annuaireIndex, REDIS_URL: redis.url, CLIENT_RATE_LIMIT_REQUESTS: '0', WORKERS: String(processes) };
    const server = await startServer(env, { entry: 'scripts/bench/cluster-server.ts', processes });
    try {
      // Communes and the annuaire index load in the background after startup, in every process
      // at once here: wait for all of them, then as long as the REST rows do.
      for (let waited = 0; server.log().split('annuaire index loaded').length <= processes && waited < 120_000; waited += 200) await sleep(200);
      await sleep(3000);
      // CPU time spent per turn, unlike turns per second, hardly depends on what else the machine runs.
      const before = { redis: 0, bots: 0 };
      const warmed = async () => void Object.assign(before, { redis: await redisCpu(redis.client), bots: botsCpu(server.log()) });
      // Each process compiles its hot code (V8's optimising JIT) from the turns it serves: n
      // processes share the warm-up traffic, so they get n times as long. Shorter, 2 processes
      // measured twice the CPU per turn of 1, which fell to the same once warm.
      const result = await measure(server, CONNECTIONS, seconds, warmed, WARMUP_SECONDS_PER_PROCESS * processes);
      results.push({ ...result, redisCpuS: (await redisCpu(redis.client)) - before.redis, botsCpuS: botsCpu(server.log()) - before.bots });
    } finally {
      await server.stop();
      await redis.stop();
    }
  }
  return results.map((result, i) => ({
    what: 'REST turns, Redis state, processes behind node:cluster',
    setting: `${PROCESSES[i]} process${PROCESSES[i] > 1 ? 'es' : ''}, ${CONNECTIONS} concurrent conversations, no pause`,
    rate: thousands(result.turnsPerSecond),
    p50: ms(result.p50Ms),
    p99: ms(result.p99Ms),
    rss: fixed(result.rssMb, 0),
    note: `${result.failures} failed; ${fixed(result.turnsPerSecond / results[0].turnsPerSecond, 2)}× the turns/s of 1 process; CPU per turn: bots ${fixed((result.botsCpuS * 1000) / result.turns, 2)} ms, Redis ${fixed((result.redisCpuS * 1e6) / result.turns, 0)} µs; RSS of all processes`,
  }));
}

/** Replaces (or adds) the horizontal-scale section of docs/benchmarks.md, leaving the rest as measured. */
export function writeHorizontalSection(rows: Row[]) {
  const path = join(ROOT, 'docs/benchmarks.md');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(HEADING);
  const end = start < 0 ? -1 : text.indexOf('\n## ', start + HEADING.length);
  const rest = start < 0 ? text.trimEnd() : (text.slice(0, start) + (end < 0 ? '' : text.slice(end + 1))).trimEnd();
  const section = [
    HEADING,
    '',
    `Measured by \`npm run bench -- --horizontal\` (also part of \`npm run bench\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, on ${cpus().length} cores shared with the load generator, Redis and other work (load average ${loadavg()[0].toFixed(1)} when the rows were written).`,
    '',
    table(rows),
    '',
    `Each row: \`scripts/bench/cluster-server.ts\` starts that many real bot processes (\`app/server.ts\`, the same trees, annuaire, heap ceiling and rate limit as the REST rows above, the per-address budget off since every request comes from 127.0.0.1) sharing the Redis state in a redis-server of their own (nothing on disk); node:cluster's primary accepts the connections on one port and hands them to the processes round robin, as a load balancer would. ${CONNECTIONS} conversations send without pause (autocannon, as above), measured after ${WARMUP_SECONDS_PER_PROCESS} s of warm-up per process (each process's JIT warms up on its share of the traffic). Every process, Redis and the load generator share the machine's ${cpus().length} cores: beyond ${cpus().length} processes there is no core left to add, so these rows cannot show the gain of more machines (on separate machines each process brings its own cores); and when other work loads the machine, more processes also win a larger share of its CPU, which is part of any gain they show. CPU time per turn hardly depends on what else runs, so it gives the capacity: "bots" is the CPU time of every bot process during the measured run divided by the turns (a machine of k cores gives about k × 1,000 / that many turns per second), "Redis" the redis-server's (one Redis master, single-threaded, carries about 1,000,000 / that many turns per second; beyond, a Redis Cluster spreads conversations over several masters, docs/operations.md).`,
    '',
  ].join('\n');
  writeFileSync(path, `${rest}\n\n${section}`);
}
