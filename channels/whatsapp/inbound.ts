// WhatsApp Cloud API webhooks: the messages people send to our business number. Status
// callbacks (sent, delivered, read, failed) and reactions are not messages and are ignored.

/** A text the person sent, or a reply button or list row they tapped. */
export interface InboundWhatsApp {
  /** wamid: the idempotency key */
  id: string;
  /** the person's WhatsApp id (their phone number): hashed before any storage */
  waId: string;
  /** when the person sent it, in ms: it opens the 24-hour customer-service window */
  sentAt: number;
  /** the id of the tapped button or row, else the typed text; undefined for a photo, a voice note... */
  text?: string;
}

interface WebhookMessage {
  from?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  interactive?: { button_reply?: { id?: string; title?: string }; list_reply?: { id?: string; title?: string } };
  /** a quick-reply button of a template message */
  button?: { payload?: string; text?: string };
}

interface WebhookValue {
  metadata?: { phone_number_id?: string };
  messages?: WebhookMessage[];
}

/** Nothing to answer: a reaction to one of our messages, or a system notice (number changed). */
const NOT_A_MESSAGE = new Set(['reaction', 'system', 'request_welcome']);

function textOf(message: WebhookMessage): string | undefined {
  const tapped = message.interactive?.button_reply ?? message.interactive?.list_reply;
  if (tapped) return tapped.id ?? tapped.title;
  if (message.button) return message.button.payload ?? message.button.text;
  return message.text?.body;
}

function parseMessage(message: WebhookMessage): InboundWhatsApp | undefined {
  if (!message.from || !message.id || NOT_A_MESSAGE.has(message.type ?? '')) return undefined;
  const seconds = Number(message.timestamp);
  return { id: message.id, waId: message.from, sentAt: Number.isFinite(seconds) ? seconds * 1000 : Date.now(), text: textOf(message) };
}

/** Messages sent to our phone number, in order; entries and changes can be batched, and a business account may own other numbers. */
export function parseWebhook(body: unknown, phoneNumberId: string): InboundWhatsApp[] {
  const payload = body as { object?: string; entry?: { changes?: { field?: string; value?: WebhookValue }[] }[] };
  if (payload?.object !== 'whatsapp_business_account' || !Array.isArray(payload.entry)) return [];
  return payload.entry
    .flatMap((entry) => (Array.isArray(entry?.changes) ? entry.changes : []))
    .filter((change) => change?.field === 'messages' && change.value?.metadata?.phone_number_id === phoneNumberId)
    .flatMap((change) => (Array.isArray(change.value?.messages) ? change.value.messages : []))
    .map(parseMessage)
    .filter((m): m is InboundWhatsApp => m !== undefined);
}

/**
 * WhatsApp accepts a free-form message only within 24 hours of the person's last message;
 * after that only a pre-approved template, which Orientation has none of.
 */
const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3600_000;

export const windowOpen = (message: InboundWhatsApp, now = Date.now()) => now - message.sentAt < CUSTOMER_SERVICE_WINDOW_MS;
