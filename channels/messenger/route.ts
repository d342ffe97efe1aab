import express from 'express';
import { KeyedQueue } from '../../bot/state/keyed-queue';
import { CAPABILITIES } from '../capabilities';
import type { ChannelsConfig } from '../config';
import { signedGraphBody } from '../graph';
import { answerInbound, type Inbound } from '../inbound';
import { render } from '../render/render';
import { type InboundMessage, isSignedByMeta, isVerifyToken, parseWebhook } from './inbound';
import { callSendApi, messengerMessage, type SendApiOptions, typingOn } from './outbound';

const CHANNEL = 'messenger' as const;
/** Meta's challenge is a short number */
const MAX_CHALLENGE_LENGTH = 100;

async function answer(inbound: Inbound, send: SendApiOptions, message: InboundMessage): Promise<void> {
  const event = { eventId: message.id, userId: message.psid, text: message.text || undefined };
  const replies = await answerInbound(inbound, CHANNEL, event, () => callSendApi(send, typingOn(message.psid)));
  for (const outgoing of render(replies ?? [], CAPABILITIES.messenger)) {
    await callSendApi(send, messengerMessage(message.psid, outgoing));
  }
}

/** Messenger Platform webhook: verification, signed events acknowledged at once, Send API replies. */
export function messengerRouter(inbound: Inbound, config: ChannelsConfig): express.Router {
  const router = express.Router();
  const { verifyToken, appSecret, pageToken, graphApiUrl, retryDelaysMs } = config.messenger;
  // each person's messages run one after the other, in arrival order; a failure stops only its own
  const queue = new KeyedQueue();
  const enqueue = (psid: string, task: () => Promise<void>) =>
    void queue.run(psid, task).catch((error: Error) => inbound.logger.error({ channel: CHANNEL, error: error.name }, 'messenger event failed'));

  router.get('/api/messenger', (req, res) => {
    const ok = verifyToken && req.query['hub.mode'] === 'subscribe' && isVerifyToken(verifyToken, req.query['hub.verify_token']);
    const challenge = req.query['hub.challenge'];
    if (!ok || typeof challenge !== 'string' || challenge.length > MAX_CHALLENGE_LENGTH) {
      res.sendStatus(403);
      return;
    }
    // echoed as Meta asks, but never to be sniffed into HTML by a browser
    res.set('X-Content-Type-Options', 'nosniff').type('text/plain').send(challenge);
  });

  router.post('/api/messenger', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
    if (!appSecret || !pageToken) {
      inbound.logger.error('messenger channel not configured: set MESSENGER_APP_SECRET and MESSENGER_PAGE_TOKEN');
      res.sendStatus(503);
      return;
    }
    const body = signedGraphBody(req, res, appSecret, CHANNEL, inbound.logger, isSignedByMeta);
    if (body === undefined) return;
    res.status(200).type('text/plain').send('EVENT_RECEIVED');
    const send = { graphApiUrl, pageToken, retryDelaysMs, logger: inbound.logger };
    for (const message of parseWebhook(body)) enqueue(message.psid, () => answer(inbound, send, message));
  });
  return router;
}
