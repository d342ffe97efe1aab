import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createApp } from '../../bot/app';
import { Conversations } from '../../bot/conversation';
import { MemoryStateStore } from '../../bot/state/memory';
import { DIALOGS_DIR, loadBrain } from '../../bot/runtime';

/** The real app on a free localhost port, on a temporary copy of dialogs/ (edits land there). */
export async function startConsoleApp(token: string | undefined) {
  const dialogsDir = mkdtempSync(join(tmpdir(), 'dialogs-'));
  cpSync(DIALOGS_DIR, dialogsDir, { recursive: true });
  const { knowledge, registry } = loadBrain(dialogsDir);
  const conversations = new Conversations(new MemoryStateStore(60_000), () => ({ ...registry.current, knowledge }), 'test-secret');
  const saved = process.env.AGENT_TOKEN;
  if (token === undefined) delete process.env.AGENT_TOKEN;
  else process.env.AGENT_TOKEN = token;
  const app = createApp({ conversations, registry, knowledge, dialogsDir });
  if (saved === undefined) delete process.env.AGENT_TOKEN;
  else process.env.AGENT_TOKEN = saved;
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dialogsDir,
    registry,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dialogsDir, { recursive: true, force: true });
    },
  };
}
