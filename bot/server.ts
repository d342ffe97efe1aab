import { createApp } from './app';
import { Conversations } from './conversation';
import { MemoryStateStore } from './state/memory';
import { loadBrain } from './runtime';

const port = Number(process.env.PORT ?? 3978);
// Communes and the annuaire index load in the background once the server listens.
const { knowledge, registry } = loadBrain({ preload: true });
const store = new MemoryStateStore(30 * 60_000);
const conversations = new Conversations(store, () => ({ ...registry.current, knowledge }), process.env.STATE_SECRET ?? 'dev-secret');

createApp({ conversations, registry, knowledge }).listen(port, () => {
  console.log(JSON.stringify({ level: 'info', msg: 'listening', port }));
});
