import type { Logger } from 'pino';
import type { Conversations } from '../bot/conversation';
import type { Reply } from '../bot/types';
import type { ChannelId } from './capabilities';
import { MESSAGES } from '../bot/messages';

// The one inbound chain every channel runs once it has verified and parsed a request:
// deduplicate the platform's retries, run the turn, apologise on failure, log without text.

/** What every channel's inbound side needs: the conversations, and the process's one logger. */
export interface Inbound {
  conversations: Conversations;
  /** events only: never a message text, a phone number or a platform user id (RGPD) */
  logger: Logger;
}

/** What a channel reads from one incoming event. */
export interface InboundEvent {
  /** the platform's id of this event, to ignore its retries; absent when it gives none */
  eventId?: string;
  /** the person on this channel: hashed before any storage (Conversations.key) */
  userId: string;
  /** what the person wrote or tapped; undefined when the event carries no text (a photo) */
  text: string | undefined;
}

/**
 * The replies to send, or undefined when this event was already answered (a retry).
 * `accepted` runs once the event is known to be new, before the turn (a typing indicator).
 */
export async function answerInbound(
  { conversations, logger }: Inbound,
  channel: ChannelId,
  event: InboundEvent,
  accepted?: () => Promise<unknown>,
): Promise<Reply[] | undefined> {
  const reply = async () => {
    await accepted?.();
    return repliesTo(conversations, logger, channel, event);
  };
  return event.eventId === undefined ? reply() : conversations.once(channel, event.eventId, reply);
}

async function repliesTo(conversations: Conversations, logger: Logger, channel: ChannelId, event: InboundEvent): Promise<Reply[]> {
  if (event.text === undefined) return [{ text: MESSAGES.textOnly }];
  try {
    return await conversations.turn(channel, event.userId, event.text);
  } catch (error) {
    logger.error({ channel, error: (error as Error).name }, 'channel turn failed');
    return [{ text: MESSAGES.unavailable }];
  }
}
