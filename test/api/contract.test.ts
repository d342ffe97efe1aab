import Ajv2020 from 'ajv/dist/2020';
import { postJson, startTestServer } from '../helpers/server';

// The OpenAPI document is a contract: every answer the running server gives (with the bundled
// trees and knowledge) must match what the document says for that route and status, and the
// document must say every field the server sends (its objects are closed here).

let server: Awaited<ReturnType<typeof startTestServer>>;
let doc: any;
beforeAll(async () => {
  server = await startTestServer();
  doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
}, 60_000);
afterAll(() => server.close());

/**
 * A JSON Schema copy where no object accepts a field the document does not describe, and the
 * document's components are $defs.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === '$ref' ? String(value).replace('#/components/schemas/', '#/$defs/') : closed(value)]),
  );
  return 'properties' in copy ? { additionalProperties: false, ...copy } : copy;
}

/** Checks an answer against the document's schema for this route, method and status. */
function expectDocumented(path: string, status: number, body: unknown) {
  const operation = doc.paths[path]?.post;
  expect(operation).toBeDefined();
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`${path} answered ${status}, which the document does not list`);
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addKeyword('example');
  const validate = ajv.compile({ ...(closed(response.content['application/json'].schema) as object), $defs: closed(doc.components.schemas) });
  if (!validate(body)) throw new Error(`${path} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
}

const ORIENT = '/api/orient';
const MESSAGES = '/api/conversations/{id}/messages';

test('the document is OpenAPI 3.1 and describes both routes', () => {
  expect(doc.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(doc.paths).sort()).toEqual([MESSAGES, ORIENT].sort());
  expect(doc.paths[MESSAGES].post.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
});

test.each([["j'ai perdu ma carte d'identité"], ['je veux me suicider'], ['bla bla bla'], ['mon patron ne me paie pas mon salaire depuis deux mois']])(
  'POST /api/orient "%s" answers as documented',
  async (text) => {
    const { status, body } = await postJson(`${server.url}/api/orient`, { text, commune: '59100' });
    expect(status).toBe(200);
    expectDocumented(ORIENT, status, body);
  },
);

test('a whole conversation, to the orientation card and STOP, answers as documented at every turn', async () => {
  const turns = ['passeport perdu', '1', 'Roubaix', 'merci', 'STOP'];
  let sawOrientation = false;
  for (const text of turns) {
    const { status, body } = await postJson(`${server.url}/api/conversations/contract-1/messages`, { text });
    expectDocumented(MESSAGES, status, body);
    sawOrientation ||= body.replies.some((r: { orientation?: unknown }) => r.orientation);
  }
  expect(sawOrientation).toBe(true);
});

test.each([
  [ORIENT, {}, 'Le champ "text" (texte) est obligatoire.'],
  [ORIENT, { text: 42 }, 'Le champ "text" (texte) est obligatoire.'],
  [ORIENT, { text: 'carte', commune: 59100 }, 'Le champ "commune", s’il est donné, doit être du texte (nom ou code postal).'],
  [ORIENT, ['carte'], /^Le corps de la requête doit être un objet JSON/],
  ['/api/conversations/c1/messages', { texte: 'bonjour' }, 'Le champ "text" (texte) est obligatoire.'],
  [`/api/conversations/${'a'.repeat(201)}/messages`, { text: 'bonjour' }, 'L’identifiant de conversation dépasse 200 caractères.'],
])('%s refuses %j with 400 and a French reason', async (url, request, reason) => {
  const { status, body } = await postJson(server.url + url, request);
  expect(status).toBe(400);
  expect(body.error).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
  expectDocumented(url === ORIENT ? ORIENT : MESSAGES, status, body);
});

test('the reference page lists the routes and schemas, with no script and nothing fetched elsewhere', async () => {
  const response = await fetch(`${server.url}/api/docs`);
  const html = await response.text();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  expect(html).toContain('<code>POST /api/orient</code>');
  expect(html).toContain('<code>POST /api/conversations/{id}/messages</code>');
  expect(html).toContain('id="schema-Orientation"');
  expect(html).toContain('href="/api/openapi.json"');
  expect(html).not.toMatch(/<script|https?:\/\//);
});
