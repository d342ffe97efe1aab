import {
  ActionTypes,
  type Activity,
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
// Required only when the channel is configured (route.ts): botbuilder alone takes about a third
// of the server's start.

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

/**
 * CloudAdapter whose errors come back to the route: botbuilder's own process() logs a full
 * stack on every 401 and echoes the error's message (URLs, ids) in the body.
 */
class RouteAdapter extends CloudAdapter {
  handle(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

/** What the route needs of botbuilder: one activity in, the invoke response out. */
export type HandleActivity = (authorization: string, activity: Activity) => Promise<{ status?: number; body?: unknown } | undefined>;

export function botFrameworkAdapter(inbound: Inbound, botFramework: ChannelsConfig['botFramework'], emulator: boolean): HandleActivity {
  const auth = new ConfigurationBotFrameworkAuthentication(
    (emulator ? { ...botFramework, MicrosoftAppId: '' } : botFramework) as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new RouteAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    inbound.logger.error({ channel: CHANNEL, error: error.name }, 'channel turn failed');
    await context.sendActivity(MESSAGES.unavailable);
  };
  return (authorization, activity) => adapter.handle(authorization, activity, (context) => onTurn(inbound, context));
}
