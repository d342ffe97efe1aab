import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALOGS_DIR } from '../../app/runtime';
import { startTestServer } from '../helpers/server';

/** The real app on localhost, on a temporary copy of dialogs/: the console's edits land there. */
export async function startConsoleApp(agentToken: string | undefined) {
  const dialogsDir = mkdtempSync(join(tmpdir(), 'dialogs-'));
  cpSync(DIALOGS_DIR, dialogsDir, { recursive: true });
  const saved = process.env.AGENT_TOKEN;
  delete process.env.AGENT_TOKEN;
  const server = await startTestServer({ dialogsDir, agentToken }).finally(() => {
    if (saved !== undefined) process.env.AGENT_TOKEN = saved;
  });
  return {
    url: server.url,
    dialogsDir,
    close: async () => {
      await server.close();
      rmSync(dialogsDir, { recursive: true, force: true });
    },
  };
}
