import type express from 'express';
import type { Rule } from '../bot/trees/lint';
import { botFrameworkRouter } from './botframework/route';
import { type ChannelsConfig, channelsConfigFromEnv } from './config';
import type { Inbound } from './inbound';
import { messengerRouter } from './messenger/route';
import { type RestDeps, restRouter } from './rest/route';
import { smsFit } from './sms/fit';
import { smsRouter } from './sms/route';
import { webchatRouter } from './webchat/route';
import { whatsappRouter } from './whatsapp/route';

export type ChannelDeps = RestDeps & Inbound;

/** REST API at /api/orient and /api/conversations, web chat at /, SMS at /api/sms, Messenger at /api/messenger, WhatsApp at /api/whatsapp, Bot Framework at /api/messages. */
export function mountChannels(app: express.Express, deps: ChannelDeps, config: ChannelsConfig = channelsConfigFromEnv()): void {
  app.use(restRouter(deps));
  app.use(webchatRouter(config));
  app.use(smsRouter(deps, config));
  app.use(messengerRouter(deps, config));
  app.use(whatsappRouter(deps, config));
  app.use(botFrameworkRouter(deps, config));
}

/** The channels' checks of the trees, added to the engine's by `npm run validate` and the agent console. */
export const CHANNEL_TREE_CHECKS: Rule[] = [smsFit];
