// The real server startup with the counting engine, except that the first "panne" it meets
// kills the process in the middle of the turn (SIGKILL): a crash between accepting a webhook
// event and replying to it. The marker file makes it crash once only, across restarts.
import { existsSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../../app/config';
import { startBot, stopOnSignals } from '../../../app/ops/start';
import { loadBrain } from '../../../app/runtime';
import type { step } from '../../../bot/engine/step';
import { countingStep } from '../../ops/support/counting-engine';

const marker = process.env.CRASH_MARKER!;
const crashingStep: typeof step = (state, input, ctx) => {
  if (input.text === 'panne' && !existsSync(marker)) {
    writeFileSync(marker, 'crashed');
    process.kill(process.pid, 'SIGKILL');
  }
  return countingStep(state, input, ctx);
};

void startBot({ config: loadConfig(), brain: loadBrain(), engine: crashingStep }).then(stopOnSignals);
