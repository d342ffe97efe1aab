import { loadConfig } from './config';
import { startBot, stopOnSignals } from './ops/start';
import { loadBrain } from './runtime';

async function main() {
  const config = loadConfig();
  // Communes and the annuaire index load in the background once the server listens.
  const bot = await startBot({ config, brain: loadBrain({ preload: true }) });
  stopOnSignals(bot);
}

main().catch((err) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
