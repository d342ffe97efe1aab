import express from 'express';
import { CAPABILITIES, type ChannelId } from '../capabilities';
import type { ChannelsConfig } from '../config';
import { answerInbound, type Inbound } from '../inbound';
import { render } from '../render/render';
import { isSignedByTwilio, parseSms } from './inbound';
import { twiml } from './outbound';
import { twilioLibrary } from './twilio';

const CHANNEL = 'sms' as const;

/** Twilio-compatible SMS webhook, answered in the same request with TwiML; WhatsApp senders get WhatsApp-sized replies. */
export function smsRouter(inbound: Inbound, config: ChannelsConfig): express.Router {
  const router = express.Router();
  if (config.twilioAuthToken && config.publicUrl) twilioLibrary(); // read at start, as the first SMS needs it
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
    const channel: ChannelId = sms?.channel ?? CHANNEL;
    const replies = sms && (await answerInbound(inbound, channel, { eventId: sms.messageSid, userId: sms.from, text: sms.body }));
    res.type('text/xml').send(twiml(render(replies ?? [], CAPABILITIES[channel])));
  });
  return router;
}
