import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';

const ROOT = `${__dirname}/../../..`;
export const REAL_SERVER = 'app/server.ts';
/** what `npm start` and the Dockerfile run: the server's bundle, or tsx without a cache folder */
export const LAUNCHER = 'app/launch.js';
export const COUNTING_SERVER = 'test/ops/support/counting-server.ts';

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** A key prefix no other test uses, and a way to clean it up. */
export function testPrefix(): string {
  return `test:ops:${randomBytes(6).toString('hex')}:`;
}

export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}

export interface BotProcess {
  port: number;
  child: ChildProcess;
  /** JSON log lines printed so far */
  logs: Record<string, unknown>[];
  /** SIGTERM, resolves with the exit code */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash */
  kill(): Promise<void>;
}

/** Starts a real bot process on a random port and waits until it listens. */
export async function startBot(env: Record<string, string>, entry: string): Promise<BotProcess> {
  const child = spawn(process.execPath, [...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry], {
    cwd: ROOT,
    // every test client is 127.0.0.1: the per-address budget is off unless a test sets it
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CLIENT_RATE_LIMIT_REQUESTS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    let listening = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line);
        } catch {
          continue; // not a log line
        }
        logs.push(entry);
        // it listens first, and is ready once what the first turns read is loaded
        if (entry.msg === 'listening') listening = entry.port as number;
        if (entry.msg === 'ready') resolve(listening);
      }
    });
    child.once('exit', (code) => reject(new Error(`bot exited with ${code} before listening: ${stderr}`)));
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    port,
    child,
    logs,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface ThrowawayRedis {
  url: string;
  /** the redis-server's process id, to freeze it (SIGSTOP) */
  pid(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A private redis-server the test may stop and restart (never the shared one at 6379). */
export async function throwawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const instance = {
    url,
    pid: () => child!.pid!,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      while (!(await accepts(port))) await sleep(50);
    },
    async stop() {
      if (!child) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      child = undefined;
    },
  };
  await instance.start();
  return instance;
}

export interface Answer {
  status: number;
  texts: string[];
}

export async function send(port: number, conversation: string, text: string): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}/api/conversations/${encodeURIComponent(conversation)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  const body = (await res.json()) as { replies: { text: string }[] };
  return { status: res.status, texts: body.replies.map((r) => r.text) };
}

export async function health(port: number): Promise<{ status: string }> {
  return (await fetch(`http://127.0.0.1:${port}/healthz`)).json() as Promise<{ status: string }>;
}

/** Polls until check passes or timeoutMs elapses (then returns the last value). */
export async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch((err) => err as T);
    if (check(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}
