// Finding 4 of issue #13: no lockout (1,000 wrong logins in 1.4 s), one cookie for every
// agent that logout did not revoke, no trail of edits, no undo, and "carte grise" accepted as
// an example of aide_juridictionnelle with only a note.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALOGS_DIR } from '../../app/runtime';
import { realServer, stopAll } from './support';

jest.setTimeout(180_000);
const ALICE = 'alice-token-0123456789';
const BOB = 'bob-token-0123456789ab';
const workspace = mkdtempSync(join(tmpdir(), 'agent-security-'));
const dialogsDir = join(workspace, 'dialogs');
let bot: Awaited<ReturnType<typeof realServer>>;
beforeAll(async () => {
  cpSync(DIALOGS_DIR, dialogsDir, { recursive: true });
  bot = await realServer({ AGENT_TOKENS: `alice:${ALICE},bob:${BOB}`, DIALOGS_DIR: dialogsDir, AGENT_AUDIT_FILE: join(workspace, 'audit.jsonl') });
});
afterAll(stopAll);

const login = (token: string) => fetch(`${bot.url}/agent/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
const api = (path: string, token: string, body?: object) =>
  fetch(`${bot.url}/agent/api${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });

test('each agent has a session of their own, which logout revokes', async () => {
  const session = (await login(ALICE)).headers.get('set-cookie')!.split(';')[0];
  const page = (cookie: string) => fetch(`${bot.url}/agent/api/intents`, { headers: { cookie } });
  expect((await page(session)).status).toBe(200);
  const other = (await login(BOB)).headers.get('set-cookie')!.split(';')[0];
  expect(other).not.toBe(session);
  await fetch(`${bot.url}/agent/logout`, { method: 'POST', headers: { cookie: session }, redirect: 'manual' });
  expect((await page(session)).status).toBe(401);
  expect((await page(other)).status).toBe(200);
});

test('an example that still leads elsewhere is refused; an edit is in the audit log with its agent and can be undone', async () => {
  const refused = await api('/examples', ALICE, { intent: 'aide_juridictionnelle', text: 'carte grise' });
  expect(refused.status).toBe(422);
  expect(readFileSync(join(dialogsDir, 'justice.yaml'), 'utf8')).not.toContain('carte grise');

  const before = readFileSync(join(dialogsDir, 'justice.yaml'), 'utf8');
  const added = await api('/examples', ALICE, { intent: 'aide_juridictionnelle', text: 'payer mon avocat sans argent' });
  expect(added.status).toBe(200);
  const [entry] = ((await (await api('/audit', BOB)).json()) as { entries: { id: string; agent: string; file: string; diff: string }[] }).entries;
  expect(entry).toMatchObject({ agent: 'alice', file: 'dialogs/justice.yaml' });
  expect(entry.diff).toContain('+ ');
  expect(entry.diff).toContain('avocat');

  const undone = await api(`/audit/${entry.id}/undo`, BOB, {});
  expect(undone.status).toBe(200);
  expect(readFileSync(join(dialogsDir, 'justice.yaml'), 'utf8')).toBe(before);
  const [undo] = ((await (await api('/audit', ALICE)).json()) as { entries: { agent: string; undoes?: string }[] }).entries;
  expect(undo).toMatchObject({ agent: 'bob', undoes: entry.id });
});

test('1,000 wrong tokens: 429 with Retry-After after the first ten, even for the right token then', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 1000; i++) statuses.push((await login(`wrong-token-${i}`)).status);
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  const locked = await login(ALICE);
  expect(locked.status).toBe(429);
  expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
});
