import { createHmac } from 'node:crypto';
import type { Reply } from './types';
import type { ConversationState, StateStore } from './state/types';
import { initialState } from './state/types';
import type { EngineContext, StepResult } from './engine/step';
import { step } from './engine/step';

/** The dialog engine's signature; injectable so channel tests can run before the real engine lands. */
export type Engine = (state: ConversationState, input: { text: string }, ctx: EngineContext) => StepResult;

/**
 * The one entry point every channel calls: load the person's state, run one engine step,
 * save. User ids are hashed so that no phone number or Messenger id is ever a storage key.
 */
export class Conversations {
  constructor(
    private readonly store: StateStore,
    private readonly context: () => EngineContext,
    private readonly secret: string,
    private readonly engine: Engine = step,
  ) {}

  key(channel: string, userId: string): string {
    const hash = createHmac('sha256', this.secret).update(`${channel}:${userId}`).digest('base64url');
    return `conv:${channel}:${hash}`;
  }

  async turn(channel: string, userId: string, text: string): Promise<Reply[]> {
    const key = this.key(channel, userId);
    return this.store.exclusive(key, async () => {
      const state = (await this.store.get(key)) ?? initialState();
      const result = this.engine(state, { text }, { ...this.context(), now: new Date() });
      if (result.forget) await this.store.delete(key);
      else await this.store.set(key, result.state);
      return result.replies;
    });
  }

  /** Webhook idempotency: false when this channel already delivered this event id (a retry). */
  async firstSeen(channel: string, eventId: string): Promise<boolean> {
    return this.store.firstSeen(`seen:${channel}:${eventId}`);
  }

  /** STOP: the person asked us to forget them. */
  async forget(channel: string, userId: string): Promise<void> {
    await this.store.delete(this.key(channel, userId));
  }
}
