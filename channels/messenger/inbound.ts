import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** A text the person sent or a quick reply / button they tapped. */
export interface InboundMessage {
  /** mid of the message or postback: the idempotency key */
  id: string;
  /** page-scoped id of the person */
  psid: string;
  /** quick reply or postback payload when tapped, else the typed text; undefined for attachments only */
  text?: string;
}

/** X-Hub-Signature-256: HMAC-SHA256 of the raw body bytes, compared in constant time. */
export function isSignedByMeta(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const received = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}

interface MessagingEvent {
  sender?: { id?: string };
  timestamp?: number;
  message?: { mid?: string; text?: string; is_echo?: boolean; quick_reply?: { payload?: string } };
  postback?: { mid?: string; payload?: string; title?: string };
}

/** the verify token Meta echoes, compared in constant time (hashed first: lengths may differ) */
export function isVerifyToken(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(received));
}

const stringOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A signed body is Meta's, but its events are still checked field by field: one odd event never costs the others. */
function parseEvent(event: MessagingEvent | null | undefined): InboundMessage | undefined {
  const psid = stringOrUndefined(event?.sender?.id);
  if (!event || !psid) return undefined;
  const { message, postback } = event;
  if (message && !message.is_echo && typeof message.mid === 'string') {
    return { id: message.mid, psid, text: stringOrUndefined(message.quick_reply?.payload) ?? stringOrUndefined(message.text) };
  }
  if (postback) {
    const id = stringOrUndefined(postback.mid) ?? `${psid}:${event.timestamp}`;
    return { id, psid, text: stringOrUndefined(postback.payload) ?? stringOrUndefined(postback.title) };
  }
  return undefined; // echoes, deliveries, reads, reactions
}

/** Messages of a page webhook, in order; entries can be batched. */
export function parseWebhook(body: unknown): InboundMessage[] {
  const payload = body as { object?: string; entry?: { messaging?: MessagingEvent[] }[] };
  if (payload?.object !== 'page' || !Array.isArray(payload.entry)) return [];
  return payload.entry
    .flatMap((entry) => (Array.isArray(entry?.messaging) ? entry.messaging : []))
    .map(parseEvent)
    .filter((m): m is InboundMessage => m !== undefined);
}
