/** Small JSON: everything the engine remembers of one conversation between two messages. */
export interface ConversationState {
  /** where the person is in a tree: intent id and the question awaiting an answer */
  at?: { intent: string; node: string };
  /** previous positions, for "retour" */
  trail: { intent: string; node: string }[];
  /** what the engine is waiting for outside a tree question */
  pending?:
    | { kind: 'disambiguate'; intents: string[]; /** offered after a message not understood */ suggested?: boolean }
    | { kind: 'menu' }
    | { kind: 'theme'; theme: string }
    // `city`: Paris, Lyon or Marseille was named and the bot asked for the arrondissement
    | { kind: 'commune'; intent: string; outcome: string; candidates?: string[]; city?: string }
    /** « Êtes-vous en danger maintenant ? »: the emergency to answer if so, the ordinary need if not */
    | { kind: 'danger'; intent: string; need?: string }
    /** « Vous avez aussi parlé de… »: the second need of the first message, offered after the first */
    | { kind: 'also'; intent: string };
  /** the second need a message told (« … et aussi ma carte vitale »), offered once the first is answered */
  also?: string;
  /** consecutive messages not understood: climbs the fallback ladder */
  misses: number;
  /** INSEE code once the person told us their commune */
  commune?: string;
  /** the language the conversation is in (ISO 639-1), when not French */
  lang?: string;
  /** choice answers already given, by question id, so that a question is never asked twice */
  answers: Record<string, string>;
}

export const initialState = (): ConversationState => ({ trail: [], misses: 0, answers: {} });

export type StoreStatus = 'ok' | 'degraded';

/** Where a webhook event stands (see StateStore.claim). */
export type Claim = 'new' | 'pending' | 'answered';

/** Where conversation states live: in memory by default, Redis when REDIS_URL is set. */
export interface StateStore {
  get(key: string): Promise<ConversationState | undefined>;
  /** saves the state and restarts its idle expiry */
  set(key: string, state: ConversationState): Promise<void>;
  /** forgets the state and every trace of the conversation (STOP) */
  delete(key: string): Promise<void>;
  /** true when a conversation under this key existed recently but expired (so the bot restarts politely) */
  expired(key: string): Promise<boolean>;
  /** runs fn with no other update of the same key in between (no lost update) */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * claims an idempotency key (a webhook event id) for holdMs: 'new' when it was free (the
   * caller answers the event), 'pending' while another turn is answering it, 'answered' once
   * remembered
   */
  claim(idempotencyKey: string, holdMs: number): Promise<Claim>;
  /** extends a pending claim by holdMs more, while its event is being answered */
  prolong(idempotencyKey: string, holdMs: number): Promise<void>;
  /** records an idempotency key for the whole idempotency lifetime: the event was answered */
  remember(idempotencyKey: string): Promise<void>;
  /** 'degraded' while the backing service is unreachable */
  status(): StoreStatus;
  close(): Promise<void>;
}

/** The store could not be reached: the person gets an apology, the process stays up. */
export class StateUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`conversation state unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StateUnavailableError';
  }
}
