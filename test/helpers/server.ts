import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../app/http';
import { Conversations } from '../../bot/conversation';
import { MemoryStateStore } from '../../bot/state/memory';
import { loadBrain } from '../../app/runtime';

/**
 * The bot's HTTP app on a free localhost port, with in-memory state and the bundled trees
 * (or those of `dialogsDir`); `agentToken` opens the agent console.
 */
export async function startTestServer(options: { dialogsDir?: string; agentToken?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const { knowledge, registry } = loadBrain({}, options.dialogsDir);
  const conversations = new Conversations(new MemoryStateStore(60_000), () => ({ ...registry.current, knowledge }), 'test-secret');
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ conversations, registry, knowledge, ...options }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}
