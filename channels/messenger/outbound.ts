import type { OutgoingMessage } from '../render/render';
import type { Logger } from 'pino';

export interface SendApiOptions {
  graphApiUrl: string;
  pageToken: string;
  retryDelaysMs: number[];
  logger: Logger;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  for (let attempt = 0; ; attempt++) {
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      status = response.status;
      await response.arrayBuffer();
      if (response.ok) return true;
    } catch {
      status = 0; // connection refused or reset: worth another try
    }
    const retryable = status === 0 || status === 429 || status >= 500;
    if (!retryable || attempt >= options.retryDelaysMs.length) {
      options.logger.error({ status, attempts: attempt + 1 }, 'messenger send failed');
      return false;
    }
    await sleep(options.retryDelaysMs[attempt]);
  }
}
