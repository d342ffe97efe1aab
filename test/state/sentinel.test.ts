// The bot behind Redis Sentinel (Debian's redis-server: master 7121, replica 7122, one
// Sentinel 7131): the master is killed in the middle of a conversation, the Sentinel promotes
// the replica, and the person's next message is answered from the state the replica kept.
import type { RedisServer } from './support/redis-servers';
import { cli, startRedis, stopAll, until } from './support/redis-servers';
import type { BotProcess } from '../ops/support/processes';
import { eventually, health, send, testPrefix } from '../ops/support/processes';
import { readyBot } from './support/bots';
import { MESSAGES } from '../../bot/messages';

// Failover takes a few seconds by design (down-after + election + promotion); on a loaded
// machine every step is slower, so each wait below is generous but bounded.
jest.setTimeout(120_000);

const MASTER = 7121;
const REPLICA = 7122;
const SENTINEL = 7131;
const NAME = 'orientation';
let master: RedisServer;
const bots: BotProcess[] = [];

beforeAll(async () => {
  master = await startRedis(MASTER);
  await startRedis(REPLICA, [['replicaof', '127.0.0.1', String(MASTER)]]);
  await until('the replica to sync', async () => (await cli(REPLICA, 'info', 'replication')).includes('master_link_status:up'));
  // One Sentinel, so a quorum of 1. It declares the master down after 1 s without an answer
  // (production keeps the default 30 s, or ~5 s, to ride out a network hiccup), and gives a
  // failover 5 s before another attempt may start.
  await startRedis(
    SENTINEL,
    [
      ['sentinel', 'monitor', NAME, '127.0.0.1', String(MASTER), '1'],
      ['sentinel', 'down-after-milliseconds', NAME, '1000'],
      ['sentinel', 'failover-timeout', NAME, '5000'],
    ],
    { sentinel: true },
  );
  // The Sentinel learns the replica from the master's INFO; it cannot fail over before.
  await until('the Sentinel to know the replica', async () => (await cli(SENTINEL, 'sentinel', 'replicas', NAME)).includes(String(REPLICA)));
});

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.kill()));
  await stopAll();
});

const env = { STATE_SECRET: 'test-secret', REDIS_SENTINELS: `127.0.0.1:${SENTINEL}`, REDIS_SENTINEL_NAME: NAME, REDIS_KEY_PREFIX: testPrefix() };
const LOST_CARD = 'J’ai perdu ma carte d’identité';
const WHERE = "Vous habitez en France ou à l'étranger ?";

async function bot(): Promise<BotProcess> {
  const started = await readyBot(env);
  bots.push(started);
  return started;
}

test('the master dies mid-conversation: the replica is promoted and the conversation goes on', async () => {
  const first = await bot();
  expect((await send(first.port, 'anne', LOST_CARD)).texts).toContain(WHERE);

  // Replication is asynchronous: the bot replies without waiting for the replica, so a master
  // dying within milliseconds of a write may take that write with it (the person is asked the
  // question again). WAIT makes the test about following the failover, not about that race:
  // it returns once the replica acknowledged every write made so far on the master.
  expect(await cli(MASTER, 'wait', '1', '5000')).toBe('1');

  await master.kill();
  await until(
    'the Sentinel to promote the replica',
    async () => (await cli(SENTINEL, 'sentinel', 'get-master-addr-by-name', NAME)).endsWith(String(REPLICA)),
    60_000,
  );
  expect(await cli(REPLICA, 'role')).toMatch(/^master/);

  // ioredis asks the Sentinel for the master again as it reconnects; until then the person gets
  // the apology at once (never a hung request), and the next message finds the state.
  const apologies: string[][] = [];
  const resumed = await eventually(
    async () => {
      const answer = await send(first.port, 'anne', 'En France');
      if (answer.status !== 200) apologies.push(answer.texts);
      return answer;
    },
    (answer) => answer.status === 200,
    30_000,
  );
  expect(apologies.every((texts) => texts.join() === MESSAGES.unavailable)).toBe(true);
  expect(resumed.status).toBe(200);
  expect(resumed.texts[0]).toMatch(/^Carte d'identité .*mairie/i);
  expect(await health(first.port)).toMatchObject({ status: 'ok' });

  // A process started after the failover finds the new master through the Sentinel too.
  const second = await bot();
  expect((await send(second.port, 'anne', 'je suis au chômage depuis hier')).texts[0]).toMatch(/^Perte d'emploi.*France Travail/);
  expect(Number(await cli(REPLICA, 'dbsize'))).toBeGreaterThan(0);
});
