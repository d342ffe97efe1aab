import express from 'express';
import type { Conversations } from './conversation';
import { mountChannels } from '../channels';
import type { ChannelsConfig } from '../channels/config';
import type { TreeRegistry } from './trees/registry';
import type { Knowledge } from '../knowledge/types';
import { orient } from './engine/orient';
import { agentConsole } from './agent/console';
import { DIALOGS_DIR } from './runtime';

export interface AppDeps {
  conversations: Conversations;
  registry: TreeRegistry;
  knowledge: Knowledge;
  /** where the trees live, for the agent console's edits (default dialogs/ or DIALOGS_DIR) */
  dialogsDir?: string;
  /** opens the agent console at /agent (default AGENT_TOKEN; closed without one) */
  agentToken?: string;
  /** channel secrets and options; read from the environment when absent */
  channels?: ChannelsConfig;
}

const textField = (body: unknown, field: string): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
};

/** The HTTP surface: REST API, health, and (mounted by channels/) the channel webhooks. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', trees: deps.registry.current.trees.intents.length });
  });

  app.post('/api/orient', express.json({ limit: '16kb' }), (req, res) => {
    const text = textField(req.body, 'text');
    if (text === undefined) {
      res.status(400).json({ error: 'Le champ "text" (texte) est obligatoire.' });
      return;
    }
    res.json(orient(text, { ...deps.registry.current, knowledge: deps.knowledge }, textField(req.body, 'commune')));
  });

  app.post('/api/conversations/:id/messages', express.json({ limit: '16kb' }), async (req, res) => {
    const text = textField(req.body, 'text');
    if (text === undefined) {
      res.status(400).json({ error: 'Le champ "text" (texte) est obligatoire.' });
      return;
    }
    const replies = await deps.conversations.turn('rest', String(req.params.id), text);
    res.json({ replies });
  });

  app.use('/agent', agentConsole({ ...deps, dialogsDir: deps.dialogsDir ?? DIALOGS_DIR, token: deps.agentToken ?? process.env.AGENT_TOKEN }));
  mountChannels(app, deps, deps.channels);

  // Body parser errors (bad JSON, too large) get a short JSON answer instead of an HTML page.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!error.status || error.status >= 500) return next(error);
    const message = error.type === 'entity.too.large' ? 'Message trop long.' : 'Requête mal formée : JSON attendu.';
    res.status(error.status).json({ error: message });
  });

  return app;
}
