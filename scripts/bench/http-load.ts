// Conversations through the REST channel of a real server process, driven by autocannon
// from this process: each connection plays one person's conversation after another.
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { percentile } from './stats';

const ROOT = join(__dirname, '../..');

/** One citizen's conversation: a need, the answer to its question, a second need, a commune. */
const CONVERSATION = ['J’ai perdu ma carte d’identité', 'En France', 'je suis au chômage depuis hier', 'Lille'];

export interface LoadResult {
  /** turns measured (answered or not) */
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** responses other than 200, and connection errors or timeouts */
  failures: number;
  rssMb: number;
}

export interface BenchServer {
  url: string;
  rssMb(): number;
  /** what its processes logged so far */
  log(): string;
  stop(): Promise<void>;
}

/** node options of the server: the heap ceiling of the Dockerfile, unless BENCH_NODE_FLAGS says otherwise */
const nodeFlags = () => (process.env.BENCH_NODE_FLAGS ?? '--max-old-space-size=320').split(' ').filter(Boolean);

/** what production runs: the launcher (app/launch.js, the server's bundle), as `npm start` and the Dockerfile do */
export const SERVER_ENTRY = 'app/launch.js';

/** node's arguments for an entry: a TypeScript one runs through tsx */
export const serverArgs = (entry: string) => [...nodeFlags(), ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry];

/** Resident memory of a process and its children (a node:cluster primary and its workers). */
function treeRssMb(pid: number): number {
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  return rss + children.reduce((sum, child) => sum + treeRssMb(child), 0);
}

/**
 * The real bot (bundled trees, rate limit on, JSON logs to a file) on a port of its own; or
 * `entry` (a node:cluster primary) once `processes` of its bots listen on that port.
 */
export async function startServer(env: Record<string, string>, { entry = SERVER_ENTRY, processes = 1 } = {}): Promise<BenchServer> {
  const logFile = join(tmpdir(), `orientation-bench-${randomBytes(4).toString('hex')}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, serverArgs(entry), {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', STATE_SECRET: 'bench', RATE_LIMIT_MESSAGES: '1000000', ...env },
    stdio: ['ignore', log, log],
  });
  let port: number | undefined;
  for (let tries = 0; !port; tries++) {
    if (tries > 300 * processes || child.exitCode !== null) throw new Error(`bench server did not start: ${readFileSync(logFile, 'utf8')}`);
    await sleep(100);
    const listening = [...readFileSync(logFile, 'utf8').matchAll(/"port":(\d+),[^\n]*"msg":"listening"/g)];
    if (listening.length >= processes) port = Number(listening[0][1]);
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    rssMb: () => treeRssMb(child.pid!),
    log: () => readFileSync(logFile, 'utf8'),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      closeSync(log);
      rmSync(logFile, { force: true });
    },
  };
}

/** Each connection sends its next message as soon as it has the answer. */
function run(url: string, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: CONVERSATION.map((text, index) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      setupRequest(request: autocannon.Request, context: object) {
        // The context starts afresh with each pass over CONVERSATION: a new person.
        const person = context as { id?: string };
        if (index === 0) person.id = randomBytes(8).toString('hex');
        return { ...request, path: `/api/conversations/${person.id}/messages`, body: JSON.stringify({ text }) };
      },
    })),
  });
}

/**
 * Warms the server up (`warmupSeconds`), then measures `seconds` of conversations sending
 * without pause; `warmed` runs in between (to read counters from there on).
 */
export async function measure(server: BenchServer, connections: number, seconds: number, warmed?: () => Promise<void>, warmupSeconds = 2): Promise<LoadResult> {
  await run(server.url, connections, warmupSeconds);
  await warmed?.();
  const result = await run(server.url, connections, seconds);
  return {
    turns: result.requests.total,
    turnsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    rssMb: server.rssMb(),
  };
}

/**
 * `conversations` people at once, each pausing between an answer and their next message
 * (exponential pauses of mean `meanPauseMs`, so arrivals are spread as real ones are).
 * autocannon's own pacing fires every connection at the same instant each second, which
 * measures a burst rather than what each person waits.
 */
export async function measurePaced(server: BenchServer, conversations: number, seconds: number, meanPauseMs: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: conversations });
  await playPaced(server.url, agent, conversations, 2, meanPauseMs); // warm-up, and opens the connections
  const started = performance.now();
  const { latencies, failures } = await playPaced(server.url, agent, conversations, seconds, meanPauseMs);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    turns: latencies.length,
    turnsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failures,
    rssMb: server.rssMb(),
  };
}

async function playPaced(url: string, agent: Agent, conversations: number, seconds: number, meanPauseMs: number) {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  // never sleeps past the end, so that the run lasts `seconds`
  const pause = (meanMs: number) => sleep(Math.min(-Math.log(1 - Math.random()) * meanMs, Math.max(0, end - performance.now())));

  async function person() {
    await pause(meanPauseMs);
    while (performance.now() < end) {
      const id = randomBytes(8).toString('hex');
      for (const text of CONVERSATION) {
        if (performance.now() >= end) return;
        const sent = performance.now();
        const status = await post(agent, `${url}/api/conversations/${id}/messages`, JSON.stringify({ text }));
        latencies.push(performance.now() - sent);
        if (status !== 200) failures++;
        await pause(meanPauseMs);
      }
    }
  }

  await Promise.all(Array.from({ length: conversations }, person));
  return { latencies, failures };
}

function post(agent: Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
