import type { BotProcess } from '../../ops/support/processes';
import { REAL_SERVER, eventually, health, startBot } from '../../ops/support/processes';

/**
 * A real bot process once its /healthz says ok, i.e. once it reached Redis: a bot listens after
 * waiting 3 s at most for Redis, and a loaded machine (or a Sentinel or a Cluster to ask first)
 * may take longer. Killed if it never gets there.
 */
export async function readyBot(env: Record<string, string>, entry = REAL_SERVER): Promise<BotProcess> {
  const bot = await startBot(env, entry);
  const last = await eventually(
    () => health(bot.port),
    (h) => h.status === 'ok',
    30_000,
  );
  if (last.status !== 'ok') {
    await bot.kill();
    throw new Error(`the bot did not reach Redis within 30 s: ${JSON.stringify(last)}`);
  }
  return bot;
}
