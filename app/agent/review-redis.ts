import { createHash } from 'node:crypto';
import type { RedisClient } from '../../bot/state/redis-client';
import { LAST_MESSAGE_TTL_MS, REVIEW_RETENTION_DAYS, reviewKey, type Miss, type MissReason, type ReviewGroup, type ReviewStore } from './review';

const MAX_GROUPS = 5000;

/**
 * Review store shared by every process, on the bot's own Redis connection (single server,
 * Sentinel or Cluster). Groups expire after REVIEW_RETENTION_DAYS (30) without a new occurrence:
 * masked as they are, they are still kept no longer than useful; a person's STOP deletes the
 * groups their messages are in. The prefix carries a hash tag so that all
 * review keys share one Cluster slot and a MULTI may span them.
 */
export class RedisReviewStore implements ReviewStore {
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = '{review}:',
    retentionDays = REVIEW_RETENTION_DAYS,
  ) {
    this.ttlSeconds = Math.round(retentionDays * 24 * 3600);
  }

  /** the groups one conversation's messages went into, for its STOP */
  private contributions = (conversation: string) => `${this.prefix}by:${conversation}`;

  private groupKey = (key: string) => `${this.prefix}g:${createHash('sha1').update(key).digest('hex')}`;
  private get index() {
    return `${this.prefix}index`;
  }

  async add(miss: Miss, conversation?: string) {
    const key = reviewKey(miss.text);
    const hash = this.groupKey(key);
    const transaction = this.redis.multi();
    if (conversation) transaction.sadd(this.contributions(conversation), hash).expire(this.contributions(conversation), this.ttlSeconds);
    await transaction
      .hsetnx(hash, 'text', miss.text)
      .hsetnx(hash, 'key', key)
      .hincrby(hash, 'count', 1)
      .hincrby(hash, `reason:${miss.reason}`, 1)
      .hset(hash, 'candidates', JSON.stringify(miss.candidates), 'lastSeen', new Date().toISOString())
      .expire(hash, this.ttlSeconds)
      .zincrby(this.index, 1, hash)
      .zremrangebyrank(this.index, 0, -MAX_GROUPS - 1)
      .exec();
  }

  async list(limit = 200) {
    const hashes = await this.redis.zrevrange(this.index, 0, limit - 1);
    const pipeline = this.redis.pipeline();
    for (const hash of hashes) pipeline.hgetall(hash);
    const results = (await pipeline.exec()) ?? [];
    const groups: ReviewGroup[] = [];
    const expired: string[] = [];
    results.forEach(([, fields], i) => {
      const group = toGroup(fields as Record<string, string>);
      if (group) groups.push(group);
      else expired.push(hashes[i]);
    });
    if (expired.length > 0) await this.redis.zrem(this.index, ...expired);
    return groups;
  }

  async get(key: string) {
    return toGroup(await this.redis.hgetall(this.groupKey(key)));
  }

  async remove(key: string) {
    const hash = this.groupKey(key);
    await this.redis.multi().del(hash).zrem(this.index, hash).exec();
  }

  async rememberLast(conversation: string, miss: Omit<Miss, 'reason'>) {
    await this.redis.set(`${this.prefix}last:${conversation}`, JSON.stringify(miss), 'PX', LAST_MESSAGE_TTL_MS);
  }

  async takeLast(conversation: string) {
    const value = await this.redis.getdel(`${this.prefix}last:${conversation}`);
    return value ? (JSON.parse(value) as Omit<Miss, 'reason'>) : undefined;
  }

  async forgetConversation(conversation: string) {
    const hashes = await this.redis.smembers(this.contributions(conversation));
    const transaction = this.redis.multi().del(`${this.prefix}last:${conversation}`, this.contributions(conversation));
    if (hashes.length > 0) transaction.del(...hashes).zrem(this.index, ...hashes);
    await transaction.exec();
  }
}

function toGroup(fields: Record<string, string>): ReviewGroup | undefined {
  if (!fields?.key) return undefined;
  const reasons: Partial<Record<MissReason, number>> = {};
  for (const [field, value] of Object.entries(fields)) if (field.startsWith('reason:')) reasons[field.slice(7) as MissReason] = Number(value);
  return {
    key: fields.key,
    text: fields.text,
    count: Number(fields.count),
    reasons,
    candidates: JSON.parse(fields.candidates ?? '[]'),
    lastSeen: fields.lastSeen,
  };
}
