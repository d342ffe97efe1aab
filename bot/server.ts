import { loadConfig } from './config';
import { startBot, stopOnSignals } from './ops/start';
import { loadBrain } from './runtime';

async function main() {
  const config = loadConfig();
  const bot = await startBot({ config, brain: loadBrain() });
  stopOnSignals(bot);
}

main().catch((err) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
