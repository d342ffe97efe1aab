import { createApp } from './app';
import { Conversations } from './conversation';
import { MemoryStateStore } from './state/memory';
import { createKnowledge } from '../knowledge';
import type { Trees } from './trees/types';

const port = Number(process.env.PORT ?? 3978);
const trees: Trees = { intents: [], byId: new Map(), themes: [], loadedAt: new Date().toISOString() };
const knowledge = createKnowledge({ preload: true });
const store = new MemoryStateStore(30 * 60_000);
const conversations = new Conversations(store, () => ({ trees, knowledge, now: new Date() }), process.env.STATE_SECRET ?? 'dev-secret');

createApp({ conversations }).listen(port, () => {
  console.log(JSON.stringify({ level: 'info', msg: 'listening', port }));
});
