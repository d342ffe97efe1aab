import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChannelId } from './capabilities';

// What Messenger and WhatsApp share: both are Meta's Graph API, with a verify token to
// subscribe a webhook and calls that are worth another try after 429 or 5xx.

/** Two secrets compared in constant time, whatever their lengths (both are hashed first). */
export function sameSecret(expected: string | undefined, received: unknown): boolean {
  if (!expected || typeof received !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(received));
}

export interface GraphPostOptions {
  channel: ChannelId;
  url: string;
  headers?: Record<string, string>;
  /** waits before each new try of a call that got 429, 5xx or no answer */
  retryDelaysMs: number[];
  logger: Logger;
}

export interface GraphResult {
  ok: boolean;
  status: number;
  /** the Graph error code of a refused call (WhatsApp 131047: the 24-hour window is closed) */
  errorCode?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function errorCode(response: Response): Promise<number | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'number' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

/** POSTs JSON; 429, 5xx and network errors are tried again after each delay. Logs the final failure, never the body. */
export async function postToGraph(options: GraphPostOptions, body: object): Promise<GraphResult> {
  for (let attempt = 0; ; attempt++) {
    let result: GraphResult = { ok: false, status: 0 };
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        await response.arrayBuffer();
        return { ok: true, status: response.status };
      }
      result = { ok: false, status: response.status, errorCode: await errorCode(response) };
    } catch {
      // connection refused or reset: worth another try
    }
    const retryable = result.status === 0 || result.status === 429 || result.status >= 500;
    if (!retryable || attempt >= options.retryDelaysMs.length) {
      const { channel } = options;
      options.logger.error({ channel, status: result.status, code: result.errorCode, attempts: attempt + 1 }, `${channel} send failed`);
      return result;
    }
    await sleep(options.retryDelaysMs[attempt]);
  }
}

/**
 * The JSON body of a Meta webhook (Messenger, WhatsApp) once its X-Hub-Signature-256 is checked
 * against the raw bytes; undefined after answering 403 (forged) or 400 (not JSON) itself.
 */
export function signedGraphBody(
  req: { body: unknown; header(name: string): string | undefined },
  res: { sendStatus(code: number): unknown },
  appSecret: string,
  channel: ChannelId,
  logger: Logger,
  isSigned: (appSecret: string, raw: Buffer, header: string | undefined) => boolean,
): unknown {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!isSigned(appSecret, raw, req.header('x-hub-signature-256'))) {
    logger.warn({ channel, reason: 'signature' }, 'channel request rejected');
    res.sendStatus(403);
    return undefined;
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    res.sendStatus(400);
    return undefined;
  }
}
