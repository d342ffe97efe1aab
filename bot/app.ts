import express from 'express';
import type { Conversations } from './conversation';
import { mountChannels } from '../channels';
import type { ChannelsConfig } from '../channels/config';

export interface AppDeps {
  conversations: Conversations;
  /** channel secrets and options; read from the environment when absent */
  channels?: ChannelsConfig;
}

/** The HTTP surface: REST API, health, and (mounted by channels/) the channel webhooks. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.post('/api/conversations/:id/messages', express.json({ limit: '16kb' }), async (req, res) => {
    const text = typeof req.body?.text === 'string' ? req.body.text : undefined;
    if (text === undefined) {
      res.status(400).json({ error: 'Le champ "text" est obligatoire.' });
      return;
    }
    const replies = await deps.conversations.turn('rest', req.params.id, text);
    res.json({ replies });
  });

  mountChannels(app, deps, deps.channels);
  return app;
}
