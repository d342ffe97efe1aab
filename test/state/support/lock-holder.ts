// A process that takes one conversation's lock, as a bot's turn does, and never finishes its
// turn: it keeps renewing the lease until it is killed. Prints "holding" once the lock is its.
// Environment: REDIS_URL, REDIS_KEY_PREFIX, CONVERSATION_KEY (Conversations.key of the person).
import Redis from 'ioredis';
import { loadConfig } from '../../../app/config';
import { RedisStateStore } from '../../../bot/state/redis';

const config = loadConfig();
const store = new RedisStateStore(new Redis(process.env.REDIS_URL!), {
  prefix: config.redis!.keyPrefix,
  ttlMs: config.stateTtlMs,
  expiredNoticeMs: config.expiredNoticeMs,
  idempotencyTtlMs: config.idempotencyTtlMs,
  leaseMs: config.leaseMs,
  waitMs: config.lockWaitMs,
});

void store.exclusive(process.env.CONVERSATION_KEY!, async () => {
  console.log('holding');
  await new Promise(() => setInterval(() => undefined, 60_000)); // a turn that never ends
});
