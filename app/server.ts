import { loadConfig } from './config';
import { createLogger } from './ops/logger';
import { startBot, stopOnSignals } from './ops/start';
import { loadBrain } from './runtime';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Knowledge reports through the same logger as everything else (annuaire index read or not).
  // (a stale annuaire is a warning)
  const log = ({ level, msg, ...fields }: Record<string, unknown>) => logger[level === 'error' || level === 'warn' ? level : 'info'](fields, String(msg));
  const bot = await startBot({ config, logger, brain: loadBrain({ log }) });
  stopOnSignals(bot);
}

main().catch((err) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
