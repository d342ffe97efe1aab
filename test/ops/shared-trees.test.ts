// Two real bot processes on one Redis, as behind a load balancer: what an agent teaches the
// bot on one process is what citizens get from the other, and two agents editing at once
// never lose an edit.
import { randomBytes } from 'node:crypto';
import type { BotProcess } from './support/processes';
import { REAL_SERVER, deleteKeys, eventually, send, startBot } from './support/processes';

jest.setTimeout(120_000);

const SHARED_REDIS = 'redis://127.0.0.1:6379';
const TOKEN = 'jeton-des-arbres-partages';
const prefix = `trees-test-${randomBytes(6).toString('hex')}:`;
const MISUNDERSTOOD = 'je pars en vacances au maroc';
const HUNGRY = 'mon frigo est vide';
const SCHOOL_TRIP = 'mon fils part en voyage scolaire à londres';

let a: BotProcess;
let b: BotProcess;
beforeAll(async () => {
  const env = { REDIS_URL: SHARED_REDIS, REDIS_KEY_PREFIX: prefix, AGENT_TOKEN: TOKEN, STATE_SECRET: 'test-secret' };
  [a, b] = await Promise.all([startBot(env, REAL_SERVER), startBot(env, REAL_SERVER)]);
});
afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await deleteKeys(SHARED_REDIS, prefix);
});

async function agent(port: number, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}/agent/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** the need the console's debug view ranks first for `text` on the process on `port` */
async function topNeed(port: number, text: string): Promise<string | undefined> {
  const { body } = await agent(port, '/say', { conversation: `essai-${probes++}`, text });
  return (body.trace as { candidates: { id: string }[] }).candidates[0]?.id;
}

let probes = 0;
/** what a new citizen gets for `text` from the process on `port` */
const firstAnswer = async (port: number, text: string) => (await send(port, `citoyen-${probes++}`, text)).texts.join('\n');
const notUnderstood = (answer: string) => answer.includes("Je n'ai pas bien compris");

/** ms until `check` holds for the answer of the process on `port` (polled every 50 ms), or -1 after 10 s */
async function msUntil(port: number, text: string, check: (answer: string) => boolean): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 10_000) {
    if (check(await firstAnswer(port, text))) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return -1;
}

test('an example added on one process changes the answer of the other within 2 s', async () => {
  expect(notUnderstood(await firstAnswer(b.port, MISUNDERSTOOD))).toBe(true);
  const added = await agent(a.port, '/examples', { intent: 'passeport', text: MISUNDERSTOOD });
  expect(added).toMatchObject({ status: 200, body: { ok: true } });
  // understood now: the passport need answers, or asks where the person lives (« en vacances » is no address)
  const elapsed = await msUntil(b.port, MISUNDERSTOOD, (answer) => !notUnderstood(answer));
  console.log(`example added on A answered by B after ${elapsed} ms`);
  expect(elapsed).toBeGreaterThanOrEqual(0);
  expect(elapsed).toBeLessThan(2000);
});

test('two agents editing from the same version: one succeeds, the other gets a 409, and redone, neither edit is lost', async () => {
  const { body: seen } = await agent(a.port, '/problems');
  const version = seen.version as number;
  const [first, second] = await Promise.all([
    agent(a.port, '/examples', { intent: 'aide_urgence_sociale', text: HUNGRY, version }),
    agent(b.port, '/examples', { intent: 'passeport', text: SCHOOL_TRIP, version }),
  ]);
  const statuses = [first.status, second.status].sort();
  expect(statuses).toEqual([200, 409]);
  const lost = first.status === 409 ? { port: a.port, ...first } : { port: b.port, ...second };
  expect(lost.body.message).toBe('Un autre agent vient de modifier les arbres : votre modification n’a pas été enregistrée. Rechargez la page et recommencez.');

  // The agent reloads (the new version) and sends the same edit again.
  const redo = lost.port === a.port ? { intent: 'aide_urgence_sociale', text: HUNGRY } : { intent: 'passeport', text: SCHOOL_TRIP };
  const again = await agent(lost.port, '/examples', { ...redo, version: lost.body.version });
  expect(again).toMatchObject({ status: 200, body: { ok: true, version: version + 2 } });

  for (const port of [a.port, b.port]) {
    expect(
      await eventually(
        () => topNeed(port, HUNGRY),
        (need) => need === 'aide_urgence_sociale',
        2000,
      ),
    ).toBe('aide_urgence_sociale');
    expect(
      await eventually(
        () => topNeed(port, SCHOOL_TRIP),
        (need) => need === 'passeport',
        2000,
      ),
    ).toBe('passeport');
  }
});
