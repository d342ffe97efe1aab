import { createHash } from 'node:crypto';
import type express from 'express';
import type { RateLimiter } from '../../bot/state/rate-limit';
import type { Logger } from './logger';

// Budgets per client address, on top of each conversation's: a conversation id is chosen by
// the client, so rotating ids escaped the per-conversation limit. Platforms (Twilio, Meta,
// Azure) post every person's messages from a few addresses, so their webhooks get their own,
// larger budget. Behind a proxy, TRUST_PROXY makes req.ip the client's address.

export interface ClientLimits {
  /** REST API, web chat, agent console */
  public?: RateLimiter;
  /** SMS, Messenger and Bot Framework webhooks */
  webhooks?: RateLimiter;
}

const WEBHOOK_PATHS = ['/api/sms', '/api/messenger', '/api/messages'];

/** addresses are personal data: only their hash is a key, in memory or in Redis */
const addressKey = (address: string) => createHash('sha256').update(address).digest('base64url').slice(0, 22);

/** 429 with Retry-After once a client address spent its budget; lets the request through if the budget cannot be read. */
export function limitByAddress(limits: ClientLimits, logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const limiter = WEBHOOK_PATHS.includes(req.path) ? limits.webhooks : limits.public;
    if (!limiter) return next();
    limiter.secondsToWait(addressKey(req.ip ?? req.socket.remoteAddress ?? '')).then(
      (seconds) => {
        if (seconds === 0) return next();
        // debug only: under attack, one line per refusal would flood the logs
        logger.debug({ path: req.path, retryAfter: seconds }, 'client address over its budget');
        res.status(429).set('Retry-After', String(seconds)).json({ error: 'Trop de requêtes. Réessayez dans un moment.' });
      },
      () => next(),
    );
  };
}
