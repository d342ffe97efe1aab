import { z } from 'zod';
import type { OrientResult } from '../../bot/engine/orient';
import type { Reply } from '../../bot/types';
import type { Link, Office, Orientation, ServiceOrientation, Source } from '../../knowledge/types';

// The REST API's requests and answers, written once: the routes validate requests with these
// schemas and the OpenAPI document (openapi.ts) is generated from them. `satisfies` keeps each
// answer's schema in step with the type the code returns.

const MAX_CONVERSATION_ID_LENGTH = 200;

const TEXT_REQUIRED = 'Le champ "text" (texte) est obligatoire.';
const JSON_OBJECT = 'Le corps de la requête doit être un objet JSON, par exemple {"text": "j\'ai perdu ma carte d\'identité"}.';

/**
 * The schemas, built on first use: in the server's bundle, whose packages are required on
 * first use (app/launch.js), zod then waits for the first request instead of slowing the start.
 */
function buildSchemas() {
  const text = z.string({ error: TEXT_REQUIRED }).meta({ description: 'Ce que la personne a écrit, tel quel.', example: "j'ai perdu ma carte d'identité" });

  const OrientRequest = z
    .object(
      {
        text,
        commune: z
          .string({ error: 'Le champ "commune", s’il est donné, doit être du texte (nom ou code postal).' })
          .optional()
          .meta({ description: 'Commune ou code postal, pour donner les guichets les plus proches.', example: '59100' }),
      },
      { error: JSON_OBJECT },
    )
    .meta({ id: 'OrientRequest', description: 'Un message seul, sans conversation.' });

  const MessageRequest = z.object({ text }, { error: JSON_OBJECT }).meta({ id: 'MessageRequest', description: 'Le message suivant d’une conversation.' });

  const ConversationParams = z.object({
    id: z
      .string()
      .max(MAX_CONVERSATION_ID_LENGTH, { error: `L’identifiant de conversation dépasse ${MAX_CONVERSATION_ID_LENGTH} caractères.` })
      .meta({
        description: 'Identifiant choisi par le client (par exemple un UUID) ; une conversation par identifiant.',
        example: '3f1c2a9e-0d7b-4e43-9a51-6c2f1e8b7d10',
      }),
  });

  const ErrorAnswer = z.object({ error: z.string().meta({ description: 'La raison, en français.' }) }).meta({ id: 'Error' });

  const SourceSchema = z
    .object({
      fiche: z.string().optional().meta({ description: 'Identifiant de fiche Service-Public.fr, par exemple F1341.' }),
      url: z.string().optional(),
      title: z.string().optional(),
      date: z.string().meta({ description: 'Date (AAAA-MM-JJ) de la source elle-même : celle de la fiche, ou de publication du fichier.' }),
      verified: z
        .string()
        .optional()
        .meta({ description: 'Date (AAAA-MM-JJ) à laquelle le fait a été revérifié contre la règle du jour, quand quelqu’un l’a fait.' }),
    })
    .meta({ id: 'Source', description: 'D’où vient un fait, et à quelle date.' }) satisfies z.ZodType<Source>;

  const LinkSchema = z.object({ label: z.string(), url: z.string() }).meta({ id: 'Link' }) satisfies z.ZodType<Link>;

  const OfficeSchema = z
    .object({
      id: z.string(),
      name: z.string(),
      address: z.array(z.string()).optional(),
      postalCode: z.string().optional(),
      city: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
      website: z.string().optional(),
      openNow: z.string().optional().meta({ description: '« Ouvert maintenant, jusqu’à 12 h », « Fermé, ouvre lundi à 8 h 30 »...' }),
      hours: z.array(z.string()).optional().meta({ description: 'Une ligne par groupe de jours.' }),
      hoursComment: z.array(z.string()).optional(),
      mapUrl: z.string().optional(),
      source: SourceSchema,
    })
    .meta({ id: 'Office', description: 'Un guichet de l’annuaire de l’administration.' }) satisfies z.ZodType<Office>;

  const ServiceSchema = z
    .object({
      id: z.string().meta({ description: 'Identifiant du type de service (mairie, caf, france_travail...).' }),
      name: z.string(),
      why: z.string().optional(),
      nationalPhone: z.string().optional(),
      website: z.string().optional(),
      source: SourceSchema.optional().meta({ description: 'D’où viennent le nom, le numéro national et le site (le catalogue des services).' }),
      offices: z.array(OfficeSchema).optional().meta({ description: 'Guichets, le plus proche d’abord.' }),
      lookup: LinkSchema.optional().meta({ description: 'Où trouver le guichet local quand nous ne l’avons pas.' }),
      missingData: z.string().optional(),
    })
    .meta({ id: 'Service', description: 'Un service vers lequel la personne est orientée.' }) satisfies z.ZodType<ServiceOrientation>;

  const OrientationSchema = z
    .object({
      needId: z.string(),
      title: z.string(),
      urgent: z.boolean(),
      why: z.string(),
      services: z.array(ServiceSchema),
      bring: z.array(z.string()).meta({ description: 'Ce qu’il faut apporter.' }),
      online: LinkSchema.optional(),
      sources: z.array(SourceSchema),
      commune: z.object({ code: z.string(), name: z.string() }).optional(),
    })
    .meta({ id: 'Orientation', description: 'La réponse structurée : où aller, pourquoi, quoi apporter, et les sources.' }) satisfies z.ZodType<Orientation>;

  const ReplySchema = z
    .object({
      text: z.string().meta({ description: 'Le texte de la réponse, lisible seul.' }),
      choices: z
        .array(z.object({ label: z.string(), value: z.string().meta({ description: 'À renvoyer comme "text" quand ce choix est pris.' }) }))
        .optional()
        .meta({ description: 'Réponses proposées à la question posée.' }),
      orientation: OrientationSchema.optional(),
      urgent: z.boolean().optional(),
      lang: z
        .string()
        .optional()
        .meta({ description: 'Langue de la réponse (ISO 639-1) quand ce n’est pas le français : l’attribut lang à donner au message.' }),
      dir: z.literal('rtl').optional().meta({ description: '« rtl » pour une langue écrite de droite à gauche (arabe) : l’attribut dir à donner au message.' }),
    })
    .meta({ id: 'Reply', description: 'Un message du robot.' }) satisfies z.ZodType<Reply>;

  const ConversationAnswer = z
    .object({ replies: z.array(ReplySchema) })
    .meta({ id: 'ConversationAnswer', description: 'Les messages du robot pour ce tour, dans l’ordre.' });

  const OrientAnswer = z
    .object({
      text: z.string(),
      lang: z.string().meta({ description: 'La langue dans laquelle le message a été lu (ISO 639-1) : « fr », ou une autre langue que le robot lit.' }),
      understood: z.boolean().meta({ description: 'Faux quand aucun besoin n’a été reconnu.' }),
      urgent: z.boolean().meta({ description: 'Vrai quand le message relève d’une urgence.' }),
      needs: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          score: z.number(),
          services: z.array(ServiceSchema),
        }),
      ),
    })
    .meta({ id: 'OrientAnswer', description: 'Les besoins reconnus, le plus probable d’abord, et leurs services.' }) satisfies z.ZodType<OrientResult>;
  return { OrientRequest, MessageRequest, ConversationParams, ErrorAnswer, ConversationAnswer, OrientAnswer };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

export const restSchemas = (): ReturnType<typeof buildSchemas> => (schemas ??= buildSchemas());

/** The schema's value, or the first problem in words a person reads. */
export function check<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: result.error.issues[0]?.message ?? JSON_OBJECT };
}
