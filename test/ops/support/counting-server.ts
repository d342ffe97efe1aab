// The real server startup with the counting engine: lets process-level tests see exactly
// how many messages a conversation's state has recorded.
import { loadConfig } from '../../../bot/config';
import { startBot, stopOnSignals } from '../../../bot/ops/start';
import { loadBrain } from '../../../bot/runtime';
import { countingStep } from './counting-engine';

startBot({ config: loadConfig(), brain: loadBrain(), engine: countingStep }).then(stopOnSignals);
