import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { restSchemas } from './schemas';

// The OpenAPI 3.1 description of the REST API, generated from the schemas the routes validate
// with, so the document cannot say something the server does not do.

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

function registry(): OpenAPIRegistry {
  const { ConversationAnswer, ConversationParams, ErrorAnswer, MessageRequest, OrientAnswer, OrientRequest } = restSchemas();
  const paths = new OpenAPIRegistry();
  const malformed = json(ErrorAnswer, 'Requête mal formée : la raison est dans "error", en français.');

  paths.registerPath({
    method: 'post',
    path: '/api/orient',
    operationId: 'orient',
    summary: 'Orienter un message seul',
    description: 'Reconnaît le ou les besoins d’un message et donne les services compétents, sans conversation ni mémoire.',
    request: { body: { required: true, content: { 'application/json': { schema: OrientRequest } } } },
    responses: {
      200: json(OrientAnswer, 'Les besoins reconnus et leurs services.'),
      400: malformed,
      413: json(ErrorAnswer, 'Corps de requête trop grand.'),
    },
  });

  paths.registerPath({
    method: 'post',
    path: '/api/conversations/{id}/messages',
    operationId: 'sendMessage',
    summary: 'Envoyer un message dans une conversation',
    description:
      'Un tour de conversation : le robot pose ses questions une à une et termine par une orientation. ' +
      'Pour répondre à un choix, renvoyez sa valeur (ou son numéro) comme "text". ' +
      'Écrire STOP efface la conversation. Une conversation expire après 30 minutes sans message (réglable).',
    request: { params: ConversationParams, body: { required: true, content: { 'application/json': { schema: MessageRequest } } } },
    responses: {
      200: json(ConversationAnswer, 'Les réponses du robot.'),
      400: malformed,
      413: json(ConversationAnswer, 'Message trop long : la réponse demande de le résumer.'),
      429: json(ConversationAnswer, 'Trop de messages en peu de temps : la réponse demande d’attendre.'),
      503: json(ConversationAnswer, 'Incident technique : la réponse s’excuse et donne le 39 39 et le 112.'),
    },
  });
  return paths;
}

/** The document served at /api/openapi.json; `serverUrl` is where this bot is reached, when known. */
export function openApiDocument(serverUrl?: string) {
  return new OpenApiGeneratorV31(registry().definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Orientation',
      version: '1.0.0',
      description:
        'Robot qui indique quelle administration, et quel guichet, peut résoudre un problème. ' +
        'Chaque fait donné (adresse, téléphone, horaires) vient d’une source nommée et datée.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
  });
}
