// The real server startup with the counting engine: lets process-level tests see state progress.
import { loadConfig } from '../../../bot/config';
import { startBot, stopOnSignals } from '../../../bot/ops/start';
import { createKnowledge } from '../../../knowledge';
import { countingStep } from './counting-engine';

const knowledge = createKnowledge();
const trees = { intents: [], byId: new Map(), themes: [], loadedAt: new Date().toISOString() };

startBot({ config: loadConfig(), context: () => ({ trees, knowledge, now: new Date() }), engine: countingStep }).then(stopOnSignals);
