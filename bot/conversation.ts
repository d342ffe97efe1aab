import { createHmac } from 'node:crypto';
import type { Reply } from './types';
import type { StateStore } from './state/types';
import { initialState } from './state/types';
import type { EngineContext, TurnTrace } from './engine/step';
import { step } from './engine/step';

/** What observers (metrics, review of misunderstood messages) learn of each turn. */
export interface TurnEvent {
  channel: string;
  /** hashed conversation key: lets the review tie "ce n'est pas ça" to the message before */
  conversation: string;
  /** the person's message: observers must not log it as is (see agent review masking) */
  text: string;
  trace: TurnTrace;
  durationMs: number;
}

export type TurnObserver = (event: TurnEvent) => void;

/**
 * The one entry point every channel calls: load the person's state, run one engine step,
 * save. User ids are hashed so that no phone number or Messenger id is ever a storage key.
 */
export class Conversations {
  private readonly observers: TurnObserver[] = [];

  constructor(
    private readonly store: StateStore,
    private readonly context: () => Omit<EngineContext, 'now'>,
    private readonly secret: string,
  ) {}

  observe(observer: TurnObserver): void {
    this.observers.push(observer);
  }

  key(channel: string, userId: string): string {
    const hash = createHmac('sha256', this.secret).update(`${channel}:${userId}`).digest('base64url');
    return `conv:${channel}:${hash}`;
  }

  async turn(channel: string, userId: string, text: string): Promise<Reply[]> {
    const started = performance.now();
    const key = this.key(channel, userId);
    return this.store.exclusive(key, async () => {
      const state = (await this.store.get(key)) ?? initialState();
      const result = step(state, { text }, { ...this.context(), now: new Date() });
      if (result.forget) await this.store.delete(key);
      else await this.store.set(key, result.state);
      const event = { channel, conversation: key, text, trace: result.trace, durationMs: performance.now() - started };
      for (const observer of this.observers) observer(event);
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
