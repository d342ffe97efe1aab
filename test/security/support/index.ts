// A real bot process for each attack, as an attacker on the network would meet it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotProcess } from '../../ops/support/processes';
import { REAL_SERVER, startBot } from '../../ops/support/processes';

export { eventually, freePort } from '../../ops/support/processes';
export type { BotProcess };

const running: BotProcess[] = [];

/** The real server (app/server.ts) in memory, with env on top of a test secret; killed by stopAll. */
/** a server that crashes in the middle of the turn of its first "panne" (support/crashing-server.ts) */
export const CRASHING_SERVER = 'test/security/support/crashing-server.ts';

export async function realServer(env: Record<string, string> = {}, entry = REAL_SERVER): Promise<BotProcess & { url: string }> {
  const bot = await startBot({ STATE_SECRET: 'test-secret', ...env }, entry);
  running.push(bot);
  return { ...bot, url: `http://127.0.0.1:${bot.port}` };
}

export async function stopAll(): Promise<void> {
  await Promise.all(running.splice(0).map((bot) => bot.kill()));
}

/** A local port that records every request reaching it: proof that the bot called out, or not. */
export async function listeningTrap(): Promise<{ url: string; hits: string[]; bodies: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.on('connection', () => hits.push('connection'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
