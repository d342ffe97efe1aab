import express from 'express';
import type { Conversations } from '../../bot/conversation';
import { MESSAGES } from '../../bot/engine/messages';
import { CAPABILITIES } from '../capabilities';
import type { ChannelsConfig } from '../config';
import { logEvent } from '../log';
import { CHANNEL_MESSAGES } from '../messages';
import { render } from '../render/render';
import { isSignedByTwilio, parseSms } from './inbound';
import { engineText, isOptOut } from './keywords';
import { twiml } from './outbound';

const CHANNEL = 'sms';

const sendTwiml = (res: express.Response, texts: string[]) =>
  res.type('text/xml').send(twiml(render(texts.map((text) => ({ text })), CAPABILITIES.sms)));

/** Twilio-compatible SMS webhook, answered in the same request with TwiML. */
export function smsRouter(conversations: Conversations, config: ChannelsConfig): express.Router {
  const router = express.Router();
  router.post('/api/sms', express.urlencoded({ extended: false, limit: '32kb' }), async (req, res) => {
    const { twilioAuthToken, publicUrl } = config;
    if (!twilioAuthToken || !publicUrl) {
      logEvent('error', 'sms channel not configured: set TWILIO_AUTH_TOKEN and PUBLIC_URL');
      res.status(503).type('text/plain').send('SMS channel not configured');
      return;
    }
    const params = (req.body ?? {}) as Record<string, string>;
    if (!isSignedByTwilio(twilioAuthToken, publicUrl, req.originalUrl, req.header('x-twilio-signature'), params)) {
      logEvent('warn', 'sms rejected', { reason: 'signature' });
      res.status(403).type('text/plain').send('Invalid signature');
      return;
    }
    const sms = parseSms(params);
    if (!sms || !(await conversations.firstSeen(CHANNEL, sms.messageSid))) {
      sendTwiml(res, []);
      return;
    }
    try {
      if (isOptOut(sms.body)) {
        await conversations.forget(CHANNEL, sms.from);
        sendTwiml(res, [MESSAGES.forgotten]);
        return;
      }
      const replies = await conversations.turn(CHANNEL, sms.from, engineText(sms.body));
      res.type('text/xml').send(twiml(render(replies, CAPABILITIES.sms)));
    } catch (error) {
      logEvent('error', 'sms turn failed', { error: (error as Error).name });
      sendTwiml(res, [CHANNEL_MESSAGES.sorry]);
    }
  });
  return router;
}
