import express from 'express';
import type { Activity } from 'botbuilder';
import type { ChannelsConfig } from '../config';
import type { Inbound } from '../inbound';

const CHANNEL = 'botframework' as const;

const looksLikeActivity = (body: { type?: unknown; from?: { id?: unknown }; conversation?: { id?: unknown } } | undefined) =>
  typeof body?.type === 'string' && typeof body.from?.id === 'string' && typeof body.conversation?.id === 'string';

/** Where Azure Bot Service's connectors live: the public cloud and the US government cloud. */
const BOT_FRAMEWORK_SERVICE_HOSTS = ['botframework.com', 'trafficmanager.net', 'botframework.azure.us'];
/** The Emulator's connector runs on the developer's machine. */
const EMULATOR_SERVICE_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** Replies go to the activity's serviceUrl: only to a Bot Framework connector, never to a host a stranger names. */
function isAllowedServiceUrl(serviceUrl: unknown, hosts: string[], emulator: boolean): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol !== 'https:' && !(emulator && url.protocol === 'http:')) return false;
  const host = url.hostname.toLowerCase();
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

const hasCredentials = (config: ChannelsConfig) => Boolean(config.botFramework.MicrosoftAppId && config.botFramework.MicrosoftAppPassword);

/**
 * Bot Framework /api/messages: Azure Bot Service when MicrosoftAppId and MicrosoftAppPassword
 * are set, the local Emulator with BOTFRAMEWORK_EMULATOR=1, refused (503) otherwise.
 */
export function botFrameworkRouter(inbound: Inbound, config: ChannelsConfig): express.Router {
  const router = express.Router();
  const emulator = !hasCredentials(config) && config.botFrameworkEmulator === true;
  if (!hasCredentials(config) && !emulator) {
    inbound.logger.warn('bot framework channel refused (503): set MicrosoftAppId and MicrosoftAppPassword, or BOTFRAMEWORK_EMULATOR=1 for the local Emulator');
    router.post('/api/messages', (_req, res) => void res.status(503).json({ error: 'Bot Framework channel not configured.' }));
    return router;
  }
  const hosts = config.botFrameworkServiceHosts ?? (emulator ? EMULATOR_SERVICE_HOSTS : BOT_FRAMEWORK_SERVICE_HOSTS);
  // botbuilder is read here, only by a process that serves this channel.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { botFrameworkAdapter } = require('./adapter') as typeof import('./adapter');
  const handle = botFrameworkAdapter(inbound, config.botFramework, emulator);
  router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    const activity = req.body as Activity | undefined;
    // botbuilder fails with a 500 on these: a malformed activity gets a plain 400 instead.
    if (!looksLikeActivity(activity)) {
      res.status(400).json({ error: 'Expected a Bot Framework activity with type, from.id and conversation.id.' });
      return;
    }
    if (!isAllowedServiceUrl(activity!.serviceUrl, hosts, emulator)) {
      inbound.logger.warn({ channel: CHANNEL, reason: 'serviceUrl' }, 'channel request rejected');
      res.status(400).json({ error: 'serviceUrl is not a Bot Framework connector.' });
      return;
    }
    try {
      const invoke = await handle(req.header('authorization') ?? '', activity!);
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (error) {
      const { statusCode } = error as { statusCode?: number };
      const status = statusCode && statusCode >= 400 && statusCode < 500 ? statusCode : 500;
      inbound.logger.warn({ channel: CHANNEL, status, error: (error as Error).name }, 'bot framework request failed');
      res.status(status).json({ error: status === 500 ? 'Internal error.' : 'Unauthorized.' });
    }
  });
  return router;
}
