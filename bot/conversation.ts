import { createHmac } from 'node:crypto';
import type { Reply } from './types';
import type { StateStore } from './state/types';
import { initialState } from './state/types';
import type { EngineContext } from './engine/step';
import { step } from './engine/step';

/**
 * The one entry point every channel calls: load the person's state, run one engine step,
 * save. User ids are hashed so that no phone number or Messenger id is ever a storage key.
 */
export class Conversations {
  constructor(
    private readonly store: StateStore,
    private readonly context: () => EngineContext,
    private readonly secret: string,
  ) {}

  key(channel: string, userId: string): string {
    const hash = createHmac('sha256', this.secret).update(`${channel}:${userId}`).digest('base64url');
    return `conv:${channel}:${hash}`;
  }

  async turn(channel: string, userId: string, text: string): Promise<Reply[]> {
    const key = this.key(channel, userId);
    return this.store.exclusive(key, async () => {
      const state = (await this.store.get(key)) ?? initialState();
      const result = step(state, { text }, { ...this.context(), now: new Date() });
      if (result.forget) await this.store.delete(key);
      else await this.store.set(key, result.state);
      return result.replies;
    });
  }

  /** STOP: the person asked us to forget them. */
  async forget(channel: string, userId: string): Promise<void> {
    await this.store.delete(this.key(channel, userId));
  }
}
