import { createHmac } from 'node:crypto';

// Webhooks as Meta sends them to the Messenger and WhatsApp routes: the raw JSON body, signed
// with the app secret in x-hub-signature-256.

/** The signature Meta puts on a body: its HMAC-SHA256 with the app secret, in hex. */
export const metaSignature = (raw: string, secret: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

/** Posts `body` to `url` signed with `secret`, or with `signature` when given ('' sends none). */
export function postSignedWebhook(url: string, body: object, secret: string, signature?: string): Promise<Response> {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signed = signature ?? metaSignature(raw, secret);
  if (signed) headers['x-hub-signature-256'] = signed;
  return fetch(url, { method: 'POST', headers, body: raw });
}
