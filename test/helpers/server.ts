import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../app/http';
import { Conversations } from '../../bot/conversation';
import { MemoryStateStore } from '../../bot/state/memory';
import { DIALOGS_DIR, loadBrain } from '../../app/runtime';
import { createLogger } from '../../app/ops/logger';
import { sharedTrees } from '../../app/trees/setup';

/**
 * The bot's HTTP app on a free localhost port, with in-memory state and the bundled trees
 * (or those of `dialogsDir`); `agentToken` opens the agent console.
 */
export async function startTestServer(options: { dialogsDir?: string; agentToken?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const { knowledge, registry } = loadBrain({}, options.dialogsDir);
  const conversations = new Conversations(new MemoryStateStore(60_000), () => ({ ...registry.current, knowledge }), 'test-secret');
  const dialogsDir = options.dialogsDir ?? DIALOGS_DIR;
  const trees = sharedTrees({ registry, knowledge, dialogsDir, logger: createLogger('silent') });
  await trees.start();
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ conversations, registry, knowledge, trees, agentToken: options.agentToken }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await trees.stop(); // the trees' worker thread would keep jest from exiting
  };
  return { url: `http://127.0.0.1:${port}`, close };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}
