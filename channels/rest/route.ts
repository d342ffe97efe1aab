import express from 'express';
import type { Conversations, TurnStatus } from '../../bot/conversation';
import { orient } from '../../bot/engine/orient';
import { MAX_MESSAGE_LENGTH } from '../../bot/engine/step';
import { MESSAGES } from '../../bot/messages';
import type { TreeRegistry } from '../../bot/trees/registry';
import type { Knowledge } from '../../knowledge/types';

// The REST API: one-shot orientation, and the conversation messages the web chat sends.

export interface RestDeps {
  conversations: Conversations;
  registry: TreeRegistry;
  knowledge: Knowledge;
  /** largest request body accepted, in bytes */
  maxBodyBytes?: number;
  /** longer texts are refused before any work (MAX_MESSAGE_CHARS) */
  maxMessageChars?: number;
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
/** a commune's name, with its postcode: the longest French one is 45 letters */
const MAX_COMMUNE_LENGTH = 100;

const textField = (body: unknown, field: string): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
};

export function restRouter(deps: RestDeps): express.Router {
  const router = express.Router();
  router.post('/api/orient', express.json({ limit: '16kb' }), (req, res) => {
    const text = textField(req.body, 'text');
    if (text === undefined) {
      res.status(400).json({ error: 'Le champ "text" (texte) est obligatoire.' });
      return;
    }
    const maxChars = deps.maxMessageChars ?? MAX_MESSAGE_LENGTH;
    const commune = textField(req.body, 'commune');
    if (text.length > maxChars || (commune?.length ?? 0) > MAX_COMMUNE_LENGTH) {
      res.status(413).json({ error: MESSAGES.tooLong(maxChars) });
      return;
    }
    res.json(orient(text, { ...deps.registry.current, knowledge: deps.knowledge }, commune));
  });

  router.post('/api/conversations/:id/messages', express.json({ limit: deps.maxBodyBytes ?? '16kb' }), async (req, res) => {
    const text = textField(req.body, 'text');
    if (text === undefined) {
      res.status(400).json({ error: 'Le champ "text" (texte) est obligatoire.' });
      return;
    }
    const id = String(req.params.id);
    if (id.length > MAX_ID_LENGTH) {
      res.status(400).json({ error: `L’identifiant de conversation dépasse ${MAX_ID_LENGTH} caractères.` });
      return;
    }
    const { status, replies } = await deps.conversations.respond('rest', id, text);
    res.status(HTTP_STATUS[status]).json({ replies });
  });

  return router;
}
