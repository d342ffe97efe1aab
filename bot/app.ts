import express from 'express';
import type { Registry } from 'prom-client';
import type { Conversations, TurnStatus } from './conversation';
import { NOTICES } from './conversation';
import type { StoreStatus } from './state/types';

export interface AppDeps {
  conversations: Conversations;
  /** health of the state store; omitted: always ok */
  storeStatus?: () => StoreStatus;
  /** Prometheus registry served at /metrics */
  metrics?: Registry;
  /** largest request body accepted, in bytes */
  maxBodyBytes?: number;
  /** true once shutdown began: load balancers should stop sending */
  stopping?: () => boolean;
}

const HTTP_STATUS: Record<TurnStatus, number> = {
  answered: 200,
  restarted: 200,
  'too-long': 413,
  'rate-limited': 429,
  unavailable: 503,
  failed: 503,
};

const MAX_ID_LENGTH = 200;

/** Malformed or oversized JSON gets a clear 4xx in JSON instead of Express's HTML page. */
export const jsonErrors: express.ErrorRequestHandler = (err, _req, res, next) => {
  if (err?.type === 'entity.too.large') {
    res.status(413).json({ error: 'Requête trop grande.', replies: [{ text: NOTICES.tooLong }] });
  } else if (err?.type === 'entity.parse.failed' || err?.status === 400) {
    res.status(400).json({ error: 'Requête mal formée : JSON attendu, avec un champ "text".' });
  } else {
    next(err);
  }
};

/** The HTTP surface: REST API, health, metrics, and (mounted by channels/) the channel webhooks. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    if (deps.stopping?.()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    // Degraded still answers 200: the process is alive and apologising; restarting it would not help.
    const state = deps.storeStatus?.() ?? 'ok';
    res.json({ status: state === 'ok' ? 'ok' : 'degraded', state });
  });

  if (deps.metrics) {
    const registry = deps.metrics;
    app.get('/metrics', async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  }

  app.post(
    '/api/conversations/:id/messages',
    express.json({ limit: deps.maxBodyBytes ?? 16_384 }),
    async (req, res) => {
      const id = req.params.id;
      const text = typeof req.body?.text === 'string' ? req.body.text : undefined;
      if (text === undefined || text.trim() === '') {
        res.status(400).json({ error: 'Le champ "text" est obligatoire.' });
        return;
      }
      if (id.length > MAX_ID_LENGTH) {
        res.status(400).json({ error: `L’identifiant de conversation dépasse ${MAX_ID_LENGTH} caractères.` });
        return;
      }
      const { status, replies } = await deps.conversations.respond('rest', id, text);
      res.status(HTTP_STATUS[status]).json({ replies });
    },
  );
  app.use('/api/conversations', jsonErrors);

  return app;
}
