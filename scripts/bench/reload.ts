// Citizens during a reload of every tree: one real server (Redis state, the trees shared
// through Redis) is asked by the agent console to reload all the needs of dialogs/, several
// times in a row, while /healthz and a conversation are each probed every 20 ms. The latency
// of those probes while a reload runs is what citizens feel; the reload itself runs in a
// worker thread (app/trees/worker.ts) and the new trees are swapped in at once.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from './http-load';
import { fixed, thousands, type Row } from './rows';
import { percentile } from './stats';

const RELOADS = Number(process.env.BENCH_RELOADS ?? 5);
const PROBE_EVERY_MS = 20;
const TOKEN = `bench-${randomBytes(12).toString('hex')}`;
/** the target */
export const RELOAD_P99_TARGET_MS = 50;

function timed(url: string, method: 'GET' | 'POST', body?: unknown): Promise<{ ms: number; status: number; json: Record<string, unknown> }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, headers: { authorization: `Bearer ${TOKEN}`, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, json: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Probes `probe` every PROBE_EVERY_MS until `done`, keeping each latency. */
async function probeUntil(done: () => boolean, probe: () => Promise<{ ms: number; status: number }>): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  while (!done()) {
    const next = sleep(PROBE_EVERY_MS);
    const { ms, status } = await probe();
    latencies.push(ms);
    if (status !== 200) failures++;
    await next;
  }
  return { latencies, failures };
}

export async function reloadRows(redisUrl: string, onDone: (prefix: string) => Promise<void>): Promise<{ rows: Row[]; target: string }> {
  const prefix = `bench:trees:${randomBytes(4).toString('hex')}:`;
  const server = await startServer({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, AGENT_TOKEN: TOKEN, CLIENT_RATE_LIMIT_REQUESTS: '0' });
  const load = loadavg()[0];
  try {
    await sleep(3000); // communes and the annuaire index load in the background after startup
    const health: number[] = [];
    const talk: number[] = [];
    const reloads: number[] = [];
    let failures = 0;
    let intents = 0;
    let person = 0;
    /** /healthz and a conversation's turn, probed side by side until `done`. */
    const probeBoth = (done: () => boolean) =>
      Promise.all([
        probeUntil(done, () => timed(`${server.url}/healthz`, 'GET')),
        probeUntil(done, () => timed(`${server.url}/api/conversations/bench-${person++}/messages`, 'POST', { text: 'J’ai perdu ma carte d’identité' })),
      ]);
    for (let run = 0; run < RELOADS; run++) {
      process.stderr.write(`reload ${run + 1}/${RELOADS} of every tree, probing /healthz and a conversation…\n`);
      let finished = false;
      const reload = timed(`${server.url}/agent/api/reload`, 'POST', {}).finally(() => (finished = true));
      const [[healthProbes, talkProbes], reloaded] = await Promise.all([probeBoth(() => finished), reload]);
      if (!reloaded.json.reloaded) throw new Error(`reload refused: ${JSON.stringify(reloaded.json).slice(0, 300)}`);
      intents = Number(reloaded.json.intents);
      reloads.push(reloaded.ms);
      health.push(...healthProbes.latencies);
      talk.push(...talkProbes.latencies);
      failures += healthProbes.failures + talkProbes.failures;
    }
    // The same probes for as long without a reload: what the machine's own load costs.
    process.stderr.write('the same probes without a reload…\n');
    let quiet = false;
    setTimeout(() => (quiet = true), percentile(reloads, 50) * RELOADS);
    const [calmHealth, calmTalk] = await probeBoth(() => quiet);
    const setting = `${RELOADS} reloads of the ${thousands(intents)} needs of dialogs/, Redis state and shared trees`;
    const during = (what: string, latencies: number[]): Row => ({
      what,
      setting,
      rate: thousands(1000 / PROBE_EVERY_MS),
      p50: fixed(percentile(latencies, 50)),
      p99: fixed(percentile(latencies, 99)),
      rss: fixed(server.rssMb(), 0),
      note: `${latencies.length} probes during the reloads (each reload ${thousands(percentile(reloads, 50))} ms, median), ${failures} failed; load average ${fixed(load)}`,
    });
    const calm = (what: string, latencies: number[]): Row => ({
      ...during(what, latencies),
      setting: 'the same server and probes, as long, without a reload',
      note: `${latencies.length} probes: the machine's own share of the latency; load average ${fixed(loadavg()[0])}`,
    });
    const rows = [
      during('/healthz during a reload of every tree', health),
      during('Conversation turns during a reload of every tree', talk),
      calm('/healthz, no reload', calmHealth.latencies),
      calm('Conversation turns, no reload', calmTalk.latencies),
    ];
    const worst = Math.max(percentile(health, 99), percentile(talk, 99));
    const ok = worst < RELOAD_P99_TARGET_MS ? '✅' : '❌';
    const target = `${ok} during a reload of all ${thousands(intents)} needs, /healthz and conversation requests keep p99 < ${RELOAD_P99_TARGET_MS} ms: /healthz ${fixed(percentile(health, 99))} ms, conversation ${fixed(percentile(talk, 99))} ms (load average ${fixed(load)}; without a reload, on the same machine then: ${fixed(percentile(calmHealth.latencies, 99))} ms and ${fixed(percentile(calmTalk.latencies, 99))} ms)`;
    return { rows, target };
  } finally {
    await server.stop();
    await onDone(prefix);
  }
}
