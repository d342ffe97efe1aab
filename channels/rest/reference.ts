import { createHash } from 'node:crypto';

// The API's reference page: plain HTML written on the server from the OpenAPI document, so it
// needs no script, no CDN (the bot may run offline) and no other request.

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  maxLength?: number;
  example?: unknown;
}

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema; description?: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

/** As much of an OpenAPI 3.1 document as the page reads. */
interface OpenApiLike {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TYPE_NAMES: Record<string, string> = { string: 'texte', number: 'nombre', integer: 'entier', boolean: 'booléen', object: 'objet' };

function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`;
  }
  if (schema.type === 'array') return `liste de ${typeOf(schema.items)}`;
  if (schema.properties) return `objet { ${Object.keys(schema.properties).map(escapeHtml).join(', ')} }`;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? ''];
  return types.map((t) => escapeHtml(TYPE_NAMES[t] ?? t)).join(' ou ');
}

function details(schema: JsonSchema | undefined): string {
  const parts = [schema?.description, schema?.maxLength !== undefined ? `${schema.maxLength} caractères au plus.` : undefined];
  if (schema?.example !== undefined) parts.push(`Exemple : ${JSON.stringify(schema.example)}`);
  return escapeHtml(parts.filter(Boolean).join(' '));
}

const table = (header: string[], rows: string[][]) =>
  `<table><thead><tr>${header.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row"><code>${cell}</code></th>` : `<td>${cell}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;

function fields(schema: JsonSchema): string {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([name, field]) => [
    escapeHtml(name),
    typeOf(field),
    required.has(name) ? 'oui' : 'non',
    details(field),
  ]);
  return table(['Champ', 'Type', 'Obligatoire', 'Description'], rows);
}

const jsonSchemaOf = (content?: Record<string, { schema: JsonSchema }>) => content?.['application/json']?.schema;

function operation(method: string, path: string, op: Operation): string {
  const params = op.parameters?.length
    ? `<h4>Paramètres</h4>${table(
        ['Nom', 'Où', 'Type', 'Description'],
        op.parameters.map((p) => [
          escapeHtml(p.name),
          escapeHtml(p.in),
          typeOf(p.schema),
          details({ ...p.schema, description: p.description ?? p.schema?.description }),
        ]),
      )}`
    : '';
  const body = op.requestBody ? `<h4>Corps de la requête (JSON)</h4><p>${typeOf(jsonSchemaOf(op.requestBody.content))}</p>` : '';
  const responses = Object.entries(op.responses)
    .map(
      ([status, r]) =>
        `<li><strong>${escapeHtml(status)}</strong> : ${escapeHtml(r.description)} ${r.content ? `(${typeOf(jsonSchemaOf(r.content))})` : ''}</li>`,
    )
    .join('');
  return `<section><h3><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h3>
<p><strong>${escapeHtml(op.summary ?? '')}</strong></p><p>${escapeHtml(op.description ?? '')}</p>
${params}${body}<h4>Réponses</h4><ul>${responses}</ul></section>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1e1e1e}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #929292;padding:.25rem .5rem;text-align:left;vertical-align:top}
code{font-size:.95em}section{border-top:1px solid #929292;margin-top:1.5rem}a{color:#0a4ea8}`;

/** The Content-Security-Policy of the page: its one inline style by hash, nothing else. */
export const REFERENCE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'`;

/** The reference page for a document, in French like the API's messages. */
export function referencePage(document: object, documentUrl: string): string {
  const doc = document as OpenApiLike;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => operation(method, path, op)));
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(
    ([name, schema]) =>
      `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3><p>${escapeHtml(schema.description ?? '')}</p>${fields(schema)}</section>`,
  );
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} : référence de l’API</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(doc.info.title)} : référence de l’API <small>(version ${escapeHtml(doc.info.version)})</small></h1>
<p>${escapeHtml(doc.info.description ?? '')}</p>
<p>Description machine (OpenAPI 3.1) : <a href="${escapeHtml(documentUrl)}">${escapeHtml(documentUrl)}</a>.</p>
<h2>Routes</h2>${operations.join('\n')}
<h2>Schémas</h2>${schemas.join('\n')}
</main></body></html>`;
}
