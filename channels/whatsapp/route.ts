import express from 'express';
import { KeyedQueue } from '../../bot/state/keyed-queue';
import { CAPABILITIES } from '../capabilities';
import type { ChannelsConfig } from '../config';
import { type GraphPostOptions, postToGraph, sameSecret, signedGraphBody } from '../graph';
import { answerInbound, type Inbound } from '../inbound';
import { isSignedByMeta } from '../messenger/inbound';
import { render } from '../render/render';
import { type InboundWhatsApp, parseWebhook, windowOpen } from './inbound';
import { whatsappMessage } from './outbound';

const CHANNEL = 'whatsapp' as const;

/**
 * One message: its turn, then its replies through the Cloud API. Outside the 24-hour window
 * (a message redelivered after an outage, a queue stuck for hours) nothing is sent: WhatsApp
 * would refuse a free-form message, and Orientation has no approved template. The person's
 * next message opens a new window.
 */
async function answer(inbound: Inbound, send: GraphPostOptions, message: InboundWhatsApp): Promise<void> {
  if (!windowOpen(message)) {
    inbound.logger.warn({ channel: CHANNEL, reason: 'window' }, 'whatsapp message older than 24 hours left unanswered');
    return;
  }
  const replies = await answerInbound(inbound, CHANNEL, { eventId: message.id, userId: message.waId, text: message.text || undefined });
  for (const outgoing of render(replies ?? [], CAPABILITIES.whatsapp)) {
    if (!windowOpen(message)) {
      inbound.logger.warn({ channel: CHANNEL, reason: 'window' }, 'whatsapp window closed before the reply was sent');
      return;
    }
    if (!(await postToGraph(send, whatsappMessage(message.waId, outgoing))).ok) return;
  }
}

/** WhatsApp Cloud API webhook: verification, signed messages acknowledged at once, replies through the Graph API. */
export function whatsappRouter(inbound: Inbound, config: ChannelsConfig): express.Router {
  const router = express.Router();
  const { verifyToken, appSecret, token, phoneNumberId, graphApiUrl, retryDelaysMs } = config.whatsapp;
  // each person's messages run one after the other, in arrival order; a failure stops only its own
  const queue = new KeyedQueue();
  const enqueue = (waId: string, task: () => Promise<void>) =>
    void queue.run(waId, task).catch((error: Error) => inbound.logger.error({ channel: CHANNEL, error: error.name }, 'whatsapp event failed'));

  router.get('/api/whatsapp', (req, res) => {
    res.set('X-Content-Type-Options', 'nosniff');
    const challenge = req.query['hub.challenge'];
    const ok = req.query['hub.mode'] === 'subscribe' && sameSecret(verifyToken, req.query['hub.verify_token']) && typeof challenge === 'string';
    if (!ok) {
      res.sendStatus(403);
      return;
    }
    res.type('text/plain').send(challenge);
  });

  router.post('/api/whatsapp', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
    if (!appSecret || !token || !phoneNumberId) {
      inbound.logger.error('whatsapp channel not configured: set WHATSAPP_APP_SECRET, WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID');
      res.sendStatus(503);
      return;
    }
    const body = signedGraphBody(req, res, appSecret, CHANNEL, inbound.logger, isSignedByMeta);
    if (body === undefined) return;
    res.sendStatus(200);
    const send: GraphPostOptions = {
      channel: CHANNEL,
      url: `${graphApiUrl}/${encodeURIComponent(phoneNumberId)}/messages`,
      headers: { authorization: `Bearer ${token}` },
      retryDelaysMs,
      logger: inbound.logger,
    };
    for (const message of parseWebhook(body, phoneNumberId)) enqueue(message.waId, () => answer(inbound, send, message));
  });
  return router;
}
