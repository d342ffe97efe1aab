import express from 'express';
import type { Reply } from '../../bot/types';
import { CAPABILITIES } from '../capabilities';
import type { ChannelsConfig } from '../config';
import { answerInbound, type Inbound } from '../inbound';
import { render } from '../render/render';
import { isSignedByTwilio, parseSms } from './inbound';
import { twiml } from './outbound';

const CHANNEL = 'sms' as const;

const sendTwiml = (res: express.Response, replies: Reply[]) => res.type('text/xml').send(twiml(render(replies, CAPABILITIES.sms)));

/** Twilio-compatible SMS webhook, answered in the same request with TwiML. */
export function smsRouter(inbound: Inbound, config: ChannelsConfig): express.Router {
  const router = express.Router();
  router.post('/api/sms', express.urlencoded({ extended: false, limit: '32kb' }), async (req, res) => {
    const { twilioAuthToken, publicUrl } = config;
    if (!twilioAuthToken || !publicUrl) {
      inbound.logger.error('sms channel not configured: set TWILIO_AUTH_TOKEN and PUBLIC_URL');
      res.status(503).type('text/plain').send('SMS channel not configured');
      return;
    }
    const params = (req.body ?? {}) as Record<string, string>;
    if (!isSignedByTwilio(twilioAuthToken, publicUrl, req.originalUrl, req.header('x-twilio-signature'), params)) {
      inbound.logger.warn({ channel: CHANNEL, reason: 'signature' }, 'channel request rejected');
      res.status(403).type('text/plain').send('Invalid signature');
      return;
    }
    const sms = parseSms(params);
    const replies = sms && (await answerInbound(inbound, CHANNEL, { eventId: sms.messageSid, userId: sms.from, text: sms.body }));
    sendTwiml(res, replies ?? []);
  });
  return router;
}
