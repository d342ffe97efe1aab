import type { Server } from 'node:http';
import { once } from 'node:events';
import type { Config } from '../config';
import { usesDevSecret } from '../config';
import { createApp } from '../http';
import { Conversations } from '../../bot/conversation';
import type { ConversationOptions, TurnOutcome } from '../../bot/conversation';
import type { TreeRegistry } from '../../bot/trees/registry';
import type { Knowledge } from '../../knowledge/types';
import type { StateStore } from '../../bot/state/types';
import { MemoryStateStore } from '../../bot/state/memory';
import { RedisStateStore } from '../../bot/state/redis';
import { createRedisClient, readyWithin } from '../../bot/state/redis-client';
import type { RedisClient } from '../../bot/state/redis-client';
import { createRateLimiter } from '../../bot/state/rate-limit';
import { createMetrics, listenMetrics } from './metrics';
import { createLogger } from './logger';
import { RedisReviewStore } from '../agent/review-redis';
import { MemoryReviewStore } from '../agent/review';
import type { Logger } from './logger';
import { sharedTrees } from '../trees/setup';
import { DIALOGS_DIR } from '../runtime';
import { languageContexts } from '../../bot/lang/context';
import { preloadLanguageDetection } from '../../bot/lang/detect';
import { frenchLexicon } from '../../bot/nlu/lexicon';

export interface StartOptions {
  config: Config;
  /** the trees in service and the knowledge, loaded once at startup (see app/runtime.ts) */
  brain: { registry: TreeRegistry; knowledge: Knowledge };
  /** the folder the registry's trees were read from (default dialogs/ or DIALOGS_DIR) */
  dialogsDir?: string;
  engine?: ConversationOptions['engine'];
  /** the process's one logger; made from config.logLevel when absent */
  logger?: Logger;
}

export interface RunningBot {
  server: Server;
  conversations: Conversations;
  store: StateStore;
  logger: Logger;
  /** stops taking requests, finishes those in flight, then closes the store */
  stop(): Promise<void>;
}

function stateStore(config: Config, logger: Logger): { store: StateStore; redis?: RedisClient } {
  const lifetimes = {
    ttlMs: config.stateTtlMs,
    expiredNoticeMs: config.expiredNoticeMs,
    idempotencyTtlMs: config.idempotencyTtlMs,
  };
  if (!config.redis) return { store: new MemoryStateStore(lifetimes) };
  const redis = createRedisClient(config.redis, logger);
  const store = new RedisStateStore(redis, { ...lifetimes, prefix: config.redis.keyPrefix, leaseMs: config.leaseMs, waitMs: config.lockWaitMs });
  return { store, redis };
}

/** Ids and outcomes only: the text and the person's id never reach the logs. */
function logTurn(logger: Logger, { error, ...event }: TurnOutcome) {
  const fields = { ...event, durationMs: Math.round(event.durationMs * 10) / 10 };
  if (event.status === 'failed') {
    // The stack without its first line: an error message could quote what the person wrote.
    const stack = error instanceof Error ? error.stack?.split('\n').slice(1).join('\n') : undefined;
    logger.error({ ...fields, errorName: (error as Error)?.name, stack }, 'turn failed');
  } else if (event.status === 'unavailable') {
    logger.warn(fields, 'turn without state store');
  } else {
    logger.info(fields, 'turn');
  }
}

/** Runs each step in a turn of the event loop of its own: requests are answered in between. */
async function inTurns(steps: (() => unknown)[]): Promise<void> {
  for (const step of steps) {
    await new Promise((resolve) => setImmediate(resolve));
    step();
  }
}

/** Builds the whole bot from its configuration, starts listening, and resolves once the first turns' data are read. */
export async function startBot({ config, brain, engine, dialogsDir = DIALOGS_DIR, ...options }: StartOptions): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  if (usesDevSecret(config)) logger.warn('STATE_SECRET is not set: using a development secret');

  const { store, redis } = stateStore(config, logger);
  if (redis && !(await readyWithin(redis, 3000))) logger.warn('starting while redis is unreachable');

  const metrics = createMetrics(
    () => store.status(),
    () => brain.knowledge.annuaireStatus(new Date()),
  );
  const shared = redis && { client: redis, prefix: config.redis!.keyPrefix };
  const rateLimiter = createRateLimiter({ messages: config.rateLimitMessages, windowSeconds: config.rateLimitWindowSeconds, redis: shared });
  const perAddress = (name: string, requests: number) =>
    createRateLimiter({ name, messages: requests, windowSeconds: config.clientRateLimitWindowSeconds, redis: shared });
  const clientLimits = {
    public: perAddress('client', config.clientRateLimitRequests),
    webhooks: perAddress('webhook', config.webhookRateLimitRequests),
  };
  const { registry, knowledge } = brain;
  // Agents' edits made on other processes are in service before the first request.
  const trees = sharedTrees({ registry, knowledge, dialogsDir, logger, redis: shared });
  await trees.start();
  const conversations = new Conversations(store, () => ({ ...registry.current, knowledge }), config.stateSecret, {
    maxMessageChars: config.maxMessageChars,
    leaseMs: config.leaseMs,
    waitMs: config.lockWaitMs,
    rateLimiter,
    engine,
    onOutcome(outcome) {
      metrics.observeTurn(outcome);
      logTurn(logger, outcome);
    },
  });

  let stopping = false;
  let starting = true;
  const app = createApp({
    conversations,
    logger,
    registry,
    knowledge,
    trees,
    storeStatus: () => store.status(),
    metrics: metrics.registry,
    metricsToken: config.metricsToken,
    storePing: redis && (() => redis.ping()),
    review: redis
      ? new RedisReviewStore(redis, `${config.redis!.keyPrefix}{review}:`, config.reviewRetentionDays)
      : new MemoryReviewStore(config.reviewRetentionDays),
    maxBodyBytes: config.maxBodyBytes,
    maxMessageChars: config.maxMessageChars,
    clientLimits,
    trustProxy: config.trustProxy,
    stopping: () => stopping,
    starting: () => starting,
  });
  const server = app.listen(config.port, config.host);
  const metricsServer = config.metricsPort === undefined ? undefined : listenMetrics(metrics.registry, config.metricsPort, config.host);
  if (!metricsServer && !config.metricsToken) logger.info('/metrics is off: set METRICS_PORT (internal port) or METRICS_TOKEN');
  await Promise.all([once(server, 'listening'), metricsServer && once(metricsServer, 'listening')]);
  const address = server.address();
  logger.info(
    {
      port: typeof address === 'object' ? address?.port : config.port,
      metricsPort: (metricsServer?.address() as { port?: number } | null)?.port,
      state: redis ? 'redis' : 'memory',
      intents: registry.current.trees.intents.length,
    },
    'listening',
  );

  // What the first turns read, once the server answers (/healthz says « starting » meanwhile,
  // and requests are served between steps); then what can wait for its first use.
  const warm = brain.knowledge.warmUp();
  const detection = () => preloadLanguageDetection(languageContexts(registry.current.trees).codes);
  await inTurns([...warm.firstTurns, detection, frenchLexicon]);
  starting = false;
  logger.info({ uptimeMs: Math.round(process.uptime() * 1000) }, 'ready');
  void inTurns(warm.later());

  async function stop() {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down: finishing requests in flight');
    metricsServer?.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections become idle once their response is sent: close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = new Promise<'timeout'>((resolve) => setTimeout(resolve, config.shutdownTimeoutMs, 'timeout').unref());
    if ((await Promise.race([closed, deadline])) === 'timeout') {
      logger.warn('shutdown timeout: closing remaining connections');
      server.closeAllConnections();
    }
    clearInterval(sweep);
    await conversations.drain();
    await trees.stop();
    await store.close();
    logger.info('stopped');
  }

  return { server, conversations, store, logger, stop };
}

/** SIGTERM (orchestrators) and SIGINT (Ctrl-C) stop the bot gracefully, then end the process. */
export function stopOnSignals(bot: RunningBot): void {
  const onSignal = (signal: NodeJS.Signals) => {
    bot.logger.info({ signal }, 'signal received');
    bot.stop().then(
      () => process.exit(0),
      (err) => {
        bot.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
