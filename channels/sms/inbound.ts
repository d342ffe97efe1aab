import { twilioLibrary } from './twilio';
import type { ChannelId } from '../capabilities';

/** An incoming SMS, as far as the conversation needs it. */
export interface InboundSms {
  /** Twilio carries WhatsApp on the same webhook: `From: whatsapp:+33…` */
  channel: Extract<ChannelId, 'sms' | 'whatsapp-twilio'>;
  messageSid: string;
  from: string;
  body: string;
}

/**
 * Twilio signs the URL it was configured with, so behind a proxy or TLS offloader the
 * URL is rebuilt from PUBLIC_URL, never from the Host header. Every received parameter is
 * signed, including ones Twilio adds later.
 */
export function isSignedByTwilio(
  authToken: string,
  publicUrl: string,
  originalUrl: string,
  signature: string | undefined,
  params: Record<string, string>,
): boolean {
  if (!signature) return false;
  return twilioLibrary().validateRequest(authToken, signature, publicUrl + originalUrl, params);
}

export function parseSms(params: Record<string, unknown>): InboundSms | undefined {
  const { MessageSid, From, Body } = params;
  if (typeof MessageSid !== 'string' || !MessageSid || typeof From !== 'string' || !From) return undefined;
  const channel = From.startsWith('whatsapp:') ? 'whatsapp-twilio' : 'sms';
  return { channel, messageSid: MessageSid, from: From, body: typeof Body === 'string' ? Body : '' };
}
