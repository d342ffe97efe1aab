// The bot on a real Redis Cluster of 3 masters (Debian's redis-server, ports 7101-7103): two
// bot processes that know one node only serve one person's conversation in turns, and every key
// of a conversation sits on one slot, so its Lua scripts never cross nodes.
import type { RedisServer } from './support/redis-servers';
import { cli, startCluster, stopAll } from './support/redis-servers';
import type { BotProcess } from '../ops/support/processes';
import { send, testPrefix } from '../ops/support/processes';
import { readyBot } from './support/bots';

// Starting 3 servers, forming the cluster (redis-cli waits for the nodes to agree) and two bot
// processes with every tree takes seconds, and more on a loaded machine.
jest.setTimeout(120_000);

const PORTS = [7101, 7102, 7103];
const prefix = testPrefix();
let nodes: RedisServer[] = [];
const bots: BotProcess[] = [];

beforeAll(async () => {
  nodes = await startCluster(PORTS);
  const env = { STATE_SECRET: 'test-secret', REDIS_CLUSTER_NODES: `127.0.0.1:${PORTS[0]}`, REDIS_KEY_PREFIX: prefix };
  const started = await Promise.allSettled([readyBot(env), readyBot(env)]);
  for (const outcome of started) if (outcome.status === 'fulfilled') bots.push(outcome.value); // killed in afterAll
  for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
});

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.kill()));
  await stopAll();
});

const LOST_CARD = 'J’ai perdu ma carte d’identité';
const WHERE = "Vous habitez en France ou à l'étranger ?";

/** Every key under the test's prefix, with the port of the master that holds it. */
async function keysByNode(): Promise<{ key: string; port: number }[]> {
  const found = await Promise.all(
    nodes.map(async ({ port }) =>
      (await cli(port, '--scan', '--pattern', `${prefix}*`))
        .split('\n')
        .filter(Boolean)
        .map((key) => ({ key, port })),
    ),
  );
  return found.flat();
}

test('a conversation goes on across two processes and three masters, each person on one slot', async () => {
  const [a, b] = bots;
  const people = Array.from({ length: 9 }, (_, i) => `personne-${i}`);
  // Each person's three messages alternate between the processes, as a round-robin balancer would.
  for (const person of people) {
    expect((await send(a.port, person, LOST_CARD)).texts).toContain(WHERE);
    const oriented = await send(b.port, person, 'En France');
    expect(oriented.status).toBe(200);
    expect(oriented.texts[0]).toMatch(/^Carte d'identité .*mairie/i);
    const second = await send(a.port, person, 'je suis au chômage depuis hier');
    expect(second.texts[0]).toMatch(/^Perte d'emploi.*France Travail/);
  }

  const keys = await keysByNode();
  // Keys of one conversation share the hash tag {conv:rest:<hmac>}: its state, its expiry
  // trace and its rate-limit counter (the lock is gone once a turn ends).
  const byConversation = new Map<string, { key: string; port: number }[]>();
  for (const entry of keys) {
    const tag = /\{(conv:[^}]+)\}/.exec(entry.key)?.[1];
    if (tag) byConversation.set(tag, [...(byConversation.get(tag) ?? []), entry]);
  }
  expect(byConversation.size).toBe(people.length);
  for (const [tag, entries] of byConversation) {
    expect(entries.map((e) => e.key.slice(prefix.length)).sort()).toEqual([`rate:{${tag}}`, `{${tag}}:state`, `{${tag}}:trace`]);
    const slots = await Promise.all(entries.map(({ key }) => cli(PORTS[0], 'cluster', 'keyslot', key)));
    expect(new Set(slots).size).toBe(1);
    expect(new Set(entries.map((e) => e.port)).size).toBe(1);
  }
  // and the people are spread over the masters, so the cluster really shares the work
  const mastersUsed = new Set([...byConversation.values()].map((entries) => entries[0].port));
  expect(mastersUsed.size).toBeGreaterThan(1);
});
