import type { AddressInfo } from 'node:net';
import http from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../../app/http';
import { sharedTrees } from '../../../app/trees/setup';
import { Conversations } from '../../../bot/conversation';
import { MemoryStateStore } from '../../../bot/state/memory';
import type { ConversationState, StateStore } from '../../../bot/state/types';
import type { ChannelsConfig } from '../../../channels/config';
import { TreeRegistry } from '../../../bot/trees/registry';
import { testKnowledge } from './knowledge';

/** Trees written for these tests; swap for the bundled dialogs/ to run against real content. */
export const FIXTURE_DIALOGS = path.join(__dirname, '..', 'fixtures', 'dialogs');
const fixtureTrees = new TreeRegistry(FIXTURE_DIALOGS, testKnowledge()).current.trees;
/** The first question of the identity card need, as the fixture trees word it. */
export const WHERE_QUESTION = fixtureTrees.byId.get('carte_identite')!.questions.lieu.text;

/** Records every write, so a test can show that a rejected request stored nothing. */
export class SpyStore implements StateStore {
  readonly writes: string[] = [];
  /** simulates a storage outage (Redis down) */
  broken = false;
  private readonly inner = new MemoryStateStore(60_000);
  async get(key: string) {
    if (this.broken) throw new Error('store unavailable');
    return this.inner.get(key);
  }
  async set(key: string, state: ConversationState) {
    this.writes.push('set');
    await this.inner.set(key, state);
  }
  async delete(key: string) {
    this.writes.push('delete');
    await this.inner.delete(key);
  }
  exclusive<T>(key: string, fn: () => Promise<T>) {
    return this.inner.exclusive(key, fn);
  }
  async expired(key: string) {
    return this.inner.expired(key);
  }
  status() {
    return this.broken ? ('degraded' as const) : ('ok' as const);
  }
  async claim(key: string, holdMs: number) {
    this.writes.push('claim');
    return this.inner.claim(key, holdMs);
  }
  async prolong(key: string, holdMs: number) {
    this.writes.push('prolong');
    await this.inner.prolong(key, holdMs);
  }
  async remember(key: string) {
    this.writes.push('remember');
    await this.inner.remember(key);
  }
  close() {
    return this.inner.close();
  }
}

export const TEST_CONFIG: ChannelsConfig = {
  twilioAuthToken: 'test_auth_token',
  messenger: {
    verifyToken: 'test_verify_token',
    appSecret: 'test_app_secret',
    pageToken: 'test_page_token',
    graphApiUrl: 'http://127.0.0.1:1',
    retryDelaysMs: [10, 20],
  },
  whatsapp: {
    verifyToken: 'test_whatsapp_verify_token',
    appSecret: 'test_whatsapp_app_secret',
    token: 'test_whatsapp_token',
    phoneNumberId: '106540352242922',
    graphApiUrl: 'http://127.0.0.1:1',
    retryDelaysMs: [10, 20],
  },
  botFramework: { MicrosoftAppId: '' },
  botFrameworkEmulator: true,
  webchatTheme: 'neutral',
};

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export const close = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The real app and engine on a free port, with the fixture trees (or those of `dialogsDir`); the public URL is known once listening. */
export async function startBot(overrides: Partial<ChannelsConfig> = {}, dialogsDir = FIXTURE_DIALOGS) {
  const store = new SpyStore();
  const knowledge = testKnowledge();
  const registry = new TreeRegistry(dialogsDir, knowledge);
  const conversations = new Conversations(store, () => ({ ...registry.current, knowledge }), 'test-secret');
  const config: ChannelsConfig = { ...TEST_CONFIG, ...overrides };
  /** every line the app logged, as written */
  const logged: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
  const trees = sharedTrees({ registry, knowledge, dialogsDir, logger });
  await trees.start();
  const server = http.createServer(createApp({ conversations, registry, knowledge, trees, channels: config, logger }));
  const url = await listen(server);
  config.publicUrl ??= url;
  const stop = async () => {
    await close(server);
    await trees.stop();
  };
  return { url, store, config, logged, stop };
}

export async function waitFor<T>(probe: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
