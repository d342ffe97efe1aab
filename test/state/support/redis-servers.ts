// Real redis-server processes for the Cluster and Sentinel tests: each in a temporary
// directory, nothing written to disk (--save "" --appendonly no), on ports reserved for these
// tests, and all killed when the test file ends, or when its worker exits whatever happened.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const HOST = '127.0.0.1';
const run = promisify(execFile);

export interface RedisServer {
  port: number;
  child: ChildProcess;
  /** SIGKILL: a crash, nothing flushed, no goodbye to replicas or sentinels */
  kill(): Promise<void>;
}

const started = new Set<RedisServer>();
const dirs: string[] = [];
// A test that fails or a worker that is torn down must not leave servers on the reserved ports.
process.once('exit', () => {
  for (const server of started) server.child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Sends one command with redis-cli; the reply as text. */
export async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', HOST, '-p', String(port), ...args], { timeout: 10_000 });
  return stdout.trim();
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls probe until it is true; fails naming `what` after timeoutMs (generous: the machine may be loaded). */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Starts redis-server (or, with `sentinel`, a Sentinel: `redis-server <conf> --sentinel`) on
 * `port` with these extra directives, and waits until it answers PING.
 */
export async function startRedis(port: number, directives: string[][] = [], { sentinel = false } = {}): Promise<RedisServer> {
  if (await accepts(port)) throw new Error(`port ${port} is taken: a redis-server left by an earlier run? (redis-cli -p ${port} shutdown nosave)`);
  const dir = mkdtempSync(join(tmpdir(), `orientation-redis-${port}-`));
  dirs.push(dir);
  const lines = [['port', String(port)], ['bind', HOST], ['dir', dir], ['save', '""'], ['appendonly', 'no'], ...directives];
  // A Sentinel rewrites its configuration file as it learns the topology: it needs a file of its own.
  const conf = join(dir, sentinel ? 'sentinel.conf' : 'redis.conf');
  writeFileSync(conf, lines.map((line) => line.join(' ')).join('\n') + '\n');
  const child = spawn('redis-server', sentinel ? [conf, '--sentinel'] : [conf], { stdio: 'ignore' });
  const server: RedisServer = {
    port,
    child,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      started.delete(server);
    },
  };
  started.add(server);
  await until(`redis-server on port ${port}`, async () => (await cli(port, 'ping')) === 'PONG');
  return server;
}

/** Kills every server started so far and removes their directories. */
export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((server) => server.kill()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A Redis Cluster of masters only, one per port, every slot assigned; resolves once its state is ok. */
export async function startCluster(ports: number[]): Promise<RedisServer[]> {
  const servers = await Promise.all(
    ports.map((port) =>
      startRedis(port, [
        ['cluster-enabled', 'yes'],
        ['cluster-config-file', `nodes-${port}.conf`],
        ['cluster-node-timeout', '5000'],
      ]),
    ),
  );
  await run('redis-cli', ['--cluster', 'create', ...ports.map((port) => `${HOST}:${port}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 60_000 });
  for (const port of ports) await until(`cluster state ok on ${port}`, async () => (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'));
  return servers;
}
