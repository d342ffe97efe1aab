import { createHmac } from 'node:crypto';
import type { Reply } from './types';
import type { StateStore } from './state/types';
import { StateUnavailableError, initialState } from './state/types';
import type { EngineContext, TurnTrace } from './engine/step';
import { step } from './engine/step';
import { asksToBeForgotten } from './engine/commands';
import { messagesFor } from './lang/catalog';
import { detectLanguage } from './lang/detect';
import type { LanguageTrees } from './lang/languages';
import type { RateLimiter } from './state/rate-limit';
import { answerOnce } from './state/once';

export type TurnStatus =
  /** the engine answered */
  | 'answered'
  /** the engine answered a person whose conversation had expired, from the start */
  | 'restarted'
  | 'too-long'
  | 'rate-limited'
  /** the state store is unreachable: apology */
  | 'unavailable'
  /** an unexpected error: apology */
  | 'failed';

export interface TurnResult {
  status: TurnStatus;
  replies: Reply[];
}

/** What observers (metrics, review of misunderstood messages) learn of each engine turn. */
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
 * What metrics and logs learn of every message, answered by the engine or not.
 * Deliberately without the text and with only a short hash of the conversation key.
 */
export interface TurnOutcome {
  channel: string;
  conversation: string;
  status: TurnStatus;
  durationMs: number;
  /** the engine did not understand the message (a step of the fallback ladder) */
  fallback: boolean;
  /** an emergency line was given */
  urgent: boolean;
  error?: unknown;
}

export interface ConversationOptions {
  /** longer messages are refused politely, before any work */
  maxMessageChars?: number;
  rateLimiter?: RateLimiter;
  onOutcome?: (outcome: TurnOutcome) => void;
  /**
   * a conversation's lock and a webhook event's claim are leases of this length, renewed while
   * the turn runs: a process that crashes mid-turn holds them at most this long
   */
  leaseMs?: number;
  /** how long a redelivered event waits for the turn answering it elsewhere */
  waitMs?: number;
  /** the dialog engine; tests of the plumbing inject a simpler one */
  engine?: typeof step;
}

const DEFAULT_LEASE_MS = 1500;
const DEFAULT_WAIT_MS = 5000;

type RunResult = TurnResult & Partial<Pick<TurnOutcome, 'fallback' | 'urgent' | 'error'>>;

const politeRestart = (replies: Reply[]): Reply[] => {
  const expired = messagesFor(replies[0]?.lang).expired;
  return replies.length === 0 ? [{ text: expired }] : [{ ...replies[0], text: `${expired}\n${replies[0].text}` }, ...replies.slice(1)];
};

/**
 * The one entry point every channel calls: load the person's state, run one engine step,
 * save. User ids are hashed so that no phone number or Messenger id is ever a storage key.
 */
export class Conversations {
  private readonly observers: TurnObserver[] = [];
  private readonly engine: typeof step;
  private readonly inFlight = new Set<Promise<RunResult>>();

  constructor(
    private readonly store: StateStore,
    private readonly context: () => Omit<EngineContext, 'now'>,
    private readonly secret: string,
    private readonly options: ConversationOptions = {},
  ) {
    this.engine = options.engine ?? step;
  }

  observe(observer: TurnObserver): void {
    this.observers.push(observer);
  }

  key(channel: string, userId: string): string {
    const hash = createHmac('sha256', this.secret).update(`${channel}:${userId}`).digest('base64url');
    return `conv:${channel}:${hash}`;
  }

  async turn(channel: string, userId: string, text: string): Promise<Reply[]> {
    return (await this.respond(channel, userId, text)).replies;
  }

  /** Like turn, with the outcome, for channels that map it to a status code. Never throws. */
  async respond(channel: string, userId: string, text: string): Promise<TurnResult> {
    const started = performance.now();
    const key = this.key(channel, userId);
    const running = this.run(channel, key, text, started);
    this.inFlight.add(running);
    const { fallback = false, urgent = false, error, ...result } = await running.finally(() => this.inFlight.delete(running));
    this.options.onOutcome?.({
      channel,
      conversation: key.slice(-12),
      status: result.status,
      durationMs: performance.now() - started,
      fallback,
      urgent,
      error,
    });
    return result;
  }

  /** Resolves once every turn begun so far is saved, even those whose client hung up (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Webhook idempotency: runs answer unless this channel's event id was already answered (a
   * retry) or is being answered now, by this process or another (see answerOnce).
   */
  once<T>(channel: string, eventId: string, answer: () => Promise<T>): Promise<T | undefined> {
    const { leaseMs = DEFAULT_LEASE_MS, waitMs = DEFAULT_WAIT_MS } = this.options;
    return answerOnce(this.store, `seen:${channel}:${eventId}`, { leaseMs, waitMs }, answer);
  }

  private async run(channel: string, key: string, text: string, started: number): Promise<RunResult> {
    const { maxMessageChars = Infinity, rateLimiter } = this.options;
    // before the state is read: in the language the message is written in, if the bot reads it
    const languages = this.context().trees?.languages ?? new Map<string, LanguageTrees>();
    const say = () => messagesFor(languages.size > 0 ? detectLanguage(text.slice(0, 2000), [...languages.keys()])?.lang : undefined);
    if (text.length > maxMessageChars) return { status: 'too-long', replies: [{ text: say().tooLong(maxMessageChars) }] };
    try {
      const packs = [...languages.values()].map((l) => l.pack);
      if (rateLimiter && !asksToBeForgotten(text, packs) && !(await rateLimiter.allow(key))) {
        return { status: 'rate-limited', replies: [{ text: say().rateLimited }] };
      }
      return await this.store.exclusive(key, async (): Promise<RunResult> => {
        const saved = await this.store.get(key);
        const restarted = !saved && (await this.store.expired(key));
        const result = this.engine(saved ?? initialState(), { text }, { ...this.context(), maxMessageChars: this.options.maxMessageChars, now: new Date() });
        if (result.forget) await this.store.delete(key);
        else await this.store.set(key, result.state);
        const event = { channel, conversation: key, text, trace: result.trace, durationMs: performance.now() - started };
        for (const observer of this.observers) observer(event);
        return {
          status: restarted ? 'restarted' : 'answered',
          replies: restarted && !result.forget ? politeRestart(result.replies) : result.replies,
          fallback: result.trace.fallback !== undefined,
          urgent: result.trace.urgent,
        };
      });
    } catch (error) {
      const status = error instanceof StateUnavailableError ? 'unavailable' : 'failed';
      return { status, replies: [{ text: say().unavailable }], error };
    }
  }
}
