import express from 'express';
import type { Registry } from 'prom-client';
import type { Conversations } from '../bot/conversation';
import type { StoreStatus } from '../bot/state/types';
import { mountChannels } from '../channels';
import type { ChannelsConfig } from '../channels/config';
import type { TreeRegistry } from '../bot/trees/registry';
import type { Knowledge } from '../knowledge/types';
import { agentConsole } from './agent/console';
import { agentTokensFromEnv } from './agent/auth';
import type { ReviewStore } from './agent/review';
import { createLogger, type Logger } from './ops/logger';
import { metricsHandler } from './ops/metrics';
import { type ClientLimits, limitByAddress } from './ops/client-limit';
import type { SharedTrees } from './trees/shared';

export interface AppDeps {
  conversations: Conversations;
  /** the process's one logger (app/ops/logger.ts); default: JSON at info level on stdout */
  logger?: Logger;
  registry: TreeRegistry;
  knowledge: Knowledge;
  /**
   * the trees every process shares, which the agent console edits (app/trees/setup.ts); the
   * caller starts and stops them: an app never starts what its caller could not stop
   */
  trees: SharedTrees;
  /** opens the agent console at /agent to one agent named "agent" (tests; see agentTokens) */
  agentToken?: string;
  /** agent name by token (default AGENT_TOKENS, AGENT_TOKENS_FILE or AGENT_TOKEN; closed without any) */
  agentTokens?: Map<string, string>;
  /** where the agent console keeps misunderstood messages (default: in memory) */
  review?: ReviewStore;
  /** channel secrets and options; read from the environment when absent */
  channels?: ChannelsConfig;
  /** health of the state store; omitted: always ok */
  storeStatus?: () => StoreStatus;
  /** asks the state store to answer now (Redis PING): a frozen Redis keeps its connection open */
  storePing?: () => Promise<unknown>;
  /** Prometheus registry served at /metrics, to requests bearing metricsToken only */
  metrics?: Registry;
  /** METRICS_TOKEN: without it /metrics is not served on this port (see METRICS_PORT) */
  metricsToken?: string;
  /** largest request body accepted, in bytes */
  maxBodyBytes?: number;
  /** longer messages are refused before any work, on every route */
  maxMessageChars?: number;
  /** budgets per client address (app/ops/client-limit.ts); none by default */
  clientLimits?: ClientLimits;
  /** express's "trust proxy" (TRUST_PROXY): which X-Forwarded-For to believe */
  trustProxy?: boolean | number | string;
  /** true once shutdown began: load balancers should stop sending */
  stopping?: () => boolean;
  /** true until what the first turns read is loaded: load balancers should not send yet */
  starting?: () => boolean;
}

/** what the body parsers' refusals mean, in words a client developer understands */
const BODY_ERRORS: Record<string, string> = {
  'entity.too.large': 'Message trop long.',
  'entity.parse.failed': 'Requête mal formée : JSON attendu.',
  'parameters.too.many': 'Requête refusée : trop de paramètres.',
};

/** /healthz answers within this, even when Redis is frozen and holds every command */
const HEALTH_PING_TIMEOUT_MS = 500;

/** true when ping settles within timeoutMs; one ping at a time, however many probes arrive */
function answersWithin(ping: (() => Promise<unknown>) | undefined, timeoutMs: number): () => Promise<boolean> {
  let pending: Promise<boolean> | undefined;
  return () => {
    if (!ping) return Promise.resolve(true);
    pending ??= new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      ping()
        .then(
          () => resolve(true),
          () => resolve(false),
        )
        .finally(() => clearTimeout(timer));
    }).finally(() => (pending = undefined));
    return pending;
  };
}

/** The HTTP surface: health, metrics, the agent console, and (mounted by channels/) the REST API, web chat and channel webhooks. */
export function createApp(deps: AppDeps): express.Express {
  const logger = deps.logger ?? createLogger('info');
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);

  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });

  const storeAnswers = answersWithin(deps.storePing, HEALTH_PING_TIMEOUT_MS);
  app.get('/healthz', async (_req, res) => {
    if (deps.stopping?.()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    if (deps.starting?.()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    // Degraded still answers 200: the process is alive and apologising; restarting it would not help.
    const status = deps.storeStatus?.() ?? 'ok';
    const state = status === 'ok' && !(await storeAnswers()) ? 'degraded' : status;
    const { offices, dataDate, ageDays, stale, warning } = deps.knowledge.annuaireStatus(new Date());
    const annuaire = offices > 0 ? { offices, dataDate, ageDays, stale, warning } : { offices };
    res.json({ status: state === 'ok' ? 'ok' : 'degraded', state, trees: deps.registry.current.trees.intents.length, annuaire });
  });

  if (deps.metrics && deps.metricsToken) app.get('/metrics', metricsHandler(deps.metrics, deps.metricsToken));

  app.use(limitByAddress(deps.clientLimits ?? {}, logger));
  app.use(
    '/agent',
    agentConsole({
      ...deps,
      logger,
      tokens: deps.agentTokens ?? agentTokensFromEnv(process.env, deps.agentToken),
      auditFile: process.env.AGENT_AUDIT_FILE,
    }),
  );
  mountChannels(app, { ...deps, logger }, deps.channels);

  // Body parser errors (bad JSON, too large) get a short JSON answer instead of an HTML page.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!error.status || error.status >= 500) return next(error);
    res.status(error.status).json({ error: BODY_ERRORS[error.type ?? ''] ?? 'Requête mal formée.' });
  });

  return app;
}
