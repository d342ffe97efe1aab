import type express from 'express';
import { botFrameworkRouter } from './botframework/route';
import { type ChannelsConfig, channelsConfigFromEnv } from './config';
import { messengerRouter } from './messenger/route';
import { type RestDeps, restRouter } from './rest/route';
import { smsRouter } from './sms/route';
import { webchatRouter } from './webchat/route';

export type ChannelDeps = RestDeps;

/** REST API at /api/orient and /api/conversations, web chat at /, SMS at /api/sms, Messenger at /api/messenger, Bot Framework at /api/messages. */
export function mountChannels(app: express.Express, deps: ChannelDeps, config: ChannelsConfig = channelsConfigFromEnv()): void {
  app.use(restRouter(deps));
  app.use(webchatRouter(config));
  app.use(smsRouter(deps.conversations, config));
  app.use(messengerRouter(deps.conversations, config));
  app.use(botFrameworkRouter(deps.conversations, config));
}
