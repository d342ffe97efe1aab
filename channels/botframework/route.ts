import express from 'express';
import {
  ActionTypes,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  InputHints,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import { MESSAGES } from '../../bot/messages';
import { CAPABILITIES } from '../capabilities';
import type { ChannelsConfig } from '../config';
import { answerInbound, type Inbound } from '../inbound';
import { type OutgoingMessage, render } from '../render/render';

// The only place botbuilder is used: the engine and the other channels never see an Activity.

const CHANNEL = 'botframework' as const;

function toActivity(message: OutgoingMessage) {
  const activity = message.buttons
    ? MessageFactory.suggestedActions(
        message.buttons.map((b) => ({ type: ActionTypes.ImBack, title: b.title, value: b.value })),
        message.text,
        undefined,
        InputHints.ExpectingInput,
      )
    : MessageFactory.text(message.text);
  activity.textFormat = 'markdown';
  return activity;
}

/** The Emulator and Web Chat announce a new conversation; the person is greeted first. */
const greetsSomeone = (context: TurnContext) =>
  context.activity.type === ActivityTypes.ConversationUpdate &&
  (context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient?.id);

async function onTurn(inbound: Inbound, context: TurnContext): Promise<void> {
  const { activity } = context;
  if (greetsSomeone(context)) {
    await context.sendActivities(render([{ text: MESSAGES.welcome }], CAPABILITIES.botframework).map(toActivity));
    return;
  }
  if (activity.type !== ActivityTypes.Message) return;
  const replies = await answerInbound(inbound, CHANNEL, {
    eventId: activity.id ? `${activity.channelId}:${activity.conversation?.id}:${activity.id}` : undefined,
    userId: `${activity.channelId}:${activity.conversation?.id}:${activity.from?.id}`,
    text: activity.text?.trim() || (typeof activity.value === 'string' ? activity.value : '') || undefined,
  });
  if (replies) await context.sendActivities(render(replies, CAPABILITIES.botframework).map(toActivity));
}

const looksLikeActivity = (body: { type?: unknown; from?: { id?: unknown }; conversation?: { id?: unknown } } | undefined) =>
  typeof body?.type === 'string' && typeof body.from?.id === 'string' && typeof body.conversation?.id === 'string';

/** Bot Framework /api/messages: the Emulator when MicrosoftAppId is empty, Azure Bot Service otherwise. */
export function botFrameworkRouter(inbound: Inbound, config: ChannelsConfig): express.Router {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.botFramework as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    inbound.logger.error({ channel: CHANNEL, error: error.name }, 'channel turn failed');
    await context.sendActivity(MESSAGES.unavailable);
  };
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    // botbuilder fails with a 500 on these: a malformed activity gets a plain 400 instead.
    if (!looksLikeActivity(req.body)) {
      res.status(400).json({ error: 'Expected a Bot Framework activity with type, from.id and conversation.id.' });
      return;
    }
    await adapter.process(req, res, (context) => onTurn(inbound, context));
  });
  return router;
}
