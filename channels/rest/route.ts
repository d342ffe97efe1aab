import express from 'express';
import type { Conversations, TurnStatus } from '../../bot/conversation';
import { orient } from '../../bot/engine/orient';
import { MAX_MESSAGE_LENGTH } from '../../bot/engine/step';
import { MESSAGES } from '../../bot/messages';
import type { TreeRegistry } from '../../bot/trees/registry';
import type { Knowledge } from '../../knowledge/types';
import { openApiDocument } from './openapi';
import { REFERENCE_CSP, referencePage } from './reference';
import { check, restSchemas } from './schemas';

// The REST API: one-shot orientation, and the conversation messages the web chat sends.
// Requests are checked against the schemas the OpenAPI document is generated from.

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

const OPENAPI_PATH = '/api/openapi.json';
/** a commune's name, with its postcode: the longest French one is 45 letters */
const MAX_COMMUNE_LENGTH = 100;

export function restRouter(deps: RestDeps): express.Router {
  const router = express.Router();
  // The document and its page are written for their first reader, not during a start.
  let published: { document: ReturnType<typeof openApiDocument>; reference: string } | undefined;
  const publish = (document: ReturnType<typeof openApiDocument>) => ({ document, reference: referencePage(document, OPENAPI_PATH) });
  const docs = () => (published ??= publish(openApiDocument()));

  router.get(OPENAPI_PATH, (_req, res) => {
    res.json(docs().document);
  });
  router.get('/api/docs', (_req, res) => {
    res.set('Content-Security-Policy', REFERENCE_CSP).type('html').send(docs().reference);
  });

  router.post('/api/orient', express.json({ limit: '16kb' }), (req, res) => {
    const request = check(restSchemas().OrientRequest, req.body);
    if (!request.ok) {
      res.status(400).json({ error: request.error });
      return;
    }
    const { text, commune } = request.value;
    const maxChars = deps.maxMessageChars ?? MAX_MESSAGE_LENGTH;
    if (text.length > maxChars || (commune?.length ?? 0) > MAX_COMMUNE_LENGTH) {
      res.status(413).json({ error: MESSAGES.tooLong(maxChars) });
      return;
    }
    res.json(orient(text, { ...deps.registry.current, knowledge: deps.knowledge }, commune));
  });

  router.post('/api/conversations/:id/messages', express.json({ limit: deps.maxBodyBytes ?? '16kb' }), async (req, res) => {
    const request = check(restSchemas().MessageRequest, req.body);
    const params = check(restSchemas().ConversationParams, req.params);
    const problem = !request.ok ? request.error : !params.ok ? params.error : undefined;
    if (problem !== undefined || !request.ok || !params.ok) {
      res.status(400).json({ error: problem });
      return;
    }
    const { status, replies } = await deps.conversations.respond('rest', params.value.id, request.value.text);
    res.status(HTTP_STATUS[status]).json({ replies });
  });

  return router;
}
