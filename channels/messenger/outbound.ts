import type { OutgoingMessage } from '../render/render';
import type { Logger } from 'pino';
import { postToGraph } from '../graph';

export interface SendApiOptions {
  graphApiUrl: string;
  pageToken: string;
  retryDelaysMs: number[];
  logger: Logger;
}

/** Send API body for one rendered message: quick replies when it has buttons. */
export function messengerMessage(psid: string, message: OutgoingMessage) {
  const quickReplies = message.buttons?.map((b) => ({ content_type: 'text', title: b.title, payload: b.value }));
  return {
    recipient: { id: psid },
    messaging_type: 'RESPONSE',
    message: { text: message.text, ...(quickReplies ? { quick_replies: quickReplies } : {}) },
  };
}

export const typingOn = (psid: string) => ({ recipient: { id: psid }, sender_action: 'typing_on' });

/** POST to the Send API; 429, 5xx and network errors are tried again after each delay. */
export async function callSendApi(options: SendApiOptions, body: object): Promise<boolean> {
  const url = `${options.graphApiUrl}/me/messages?access_token=${encodeURIComponent(options.pageToken)}`;
  const { ok } = await postToGraph({ channel: 'messenger', url, retryDelaysMs: options.retryDelaysMs, logger: options.logger }, body);
  return ok;
}
