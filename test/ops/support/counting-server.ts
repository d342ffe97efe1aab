// The real server startup with the counting engine: lets process-level tests see exactly
// how many messages a conversation's state has recorded.
import { loadConfig } from '../../../app/config';
import { startBot, stopOnSignals } from '../../../app/ops/start';
import { loadBrain } from '../../../app/runtime';
import { countingStep } from './counting-engine';

void startBot({ config: loadConfig(), brain: loadBrain(), engine: countingStep }).then(stopOnSignals);
