import { loadConfig } from './config';
import { startBot, stopOnSignals } from './ops/start';
import { createKnowledge } from '../knowledge';
import type { Trees } from './trees/types';

const trees: Trees = { intents: [], byId: new Map(), themes: [], loadedAt: new Date().toISOString() };
const knowledge = createKnowledge();

startBot({ config: loadConfig(), context: () => ({ trees, knowledge, now: new Date() }) }).then(stopOnSignals, (err) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
