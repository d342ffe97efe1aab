import type { TurnEvent } from '../../bot/conversation';
import { foldText } from '../../knowledge/text';
import { maskPersonalData } from './pii';

// Messages the bot did not understand well, kept (masked) for agents to review and to turn
// into example phrases. Grouped by their folded text, with counts.

export type MissReason = 'no_match' | 'low_confidence' | 'ambiguous' | 'disagreed';

export const REASON_LABELS: Record<MissReason, string> = {
  no_match: 'pas compris',
  low_confidence: 'compris de justesse',
  ambiguous: 'hésitation entre plusieurs besoins',
  disagreed: '« ce n’est pas ça »',
};

/** an understood message with a top score below this is shown to agents as a near miss */
const LOW_CONFIDENCE = 0.65;

export interface ReviewGroup {
  key: string;
  /** the first message of the group, personal data masked */
  text: string;
  count: number;
  reasons: Partial<Record<MissReason, number>>;
  /** best candidates the last time, to help the agent pick the intent */
  candidates: { id: string; score: number }[];
  lastSeen: string;
}

export interface Miss {
  text: string;
  reason: MissReason;
  candidates: { id: string; score: number }[];
}

export interface ReviewStore {
  /** conversation: the hashed key of the person who wrote it, so that their STOP deletes it */
  add(miss: Miss, conversation?: string): Promise<void>;
  /** most frequent first */
  list(limit?: number): Promise<ReviewGroup[]>;
  get(key: string): Promise<ReviewGroup | undefined>;
  /** the agent handled it (added it as an example, or dismissed it) */
  remove(key: string): Promise<void>;
  /** the masked message that chose the need, per conversation, for "ce n'est pas ça" */
  rememberLast(conversation: string, miss: Omit<Miss, 'reason'>): Promise<void>;
  takeLast(conversation: string): Promise<Omit<Miss, 'reason'> | undefined>;
  /** STOP: the person's last message and every group their messages went into */
  forgetConversation(conversation: string): Promise<void>;
}

/** how long a group is kept after its last occurrence (REVIEW_RETENTION_DAYS) */
export const REVIEW_RETENTION_DAYS = 30;

export const reviewKey = (maskedText: string) => foldText(maskedText) || maskedText.trim().toLowerCase();

/**
 * Turns a turn into what the review keeps. The text is masked here, before any store sees
 * it: no phone number, email or social security number is ever stored.
 */
export async function recordTurn(store: ReviewStore, event: TurnEvent): Promise<void> {
  const { trace } = event;
  if (trace.command === 'stop') return store.forgetConversation(event.conversation);
  if (trace.disagreed) {
    const previous = await store.takeLast(event.conversation);
    if (previous) await store.add({ ...previous, reason: 'disagreed' }, event.conversation);
    return;
  }
  if (trace.command) return;
  const candidates = trace.candidates.slice(0, 3).map(({ id, score }) => ({ id, score }));
  const top = trace.candidates[0];
  const chose = trace.intent !== undefined && top?.id === trace.intent;
  const reason: MissReason | undefined = trace.fallback
    ? 'no_match'
    : trace.ambiguous
      ? 'ambiguous'
      : chose && top.score < LOW_CONFIDENCE
        ? 'low_confidence'
        : undefined;
  if (!reason && !chose) return;
  const text = maskPersonalData(event.text).trim();
  if (!text) return;
  if (reason) await store.add({ text, reason, candidates }, event.conversation);
  if (chose) await store.rememberLast(event.conversation, { text, candidates });
}

const MAX_GROUPS = 2000;
const MAX_CONVERSATIONS = 10_000;
/** how long a misunderstood message waits for a "ce n'est pas ça" that would tie it to the next */
export const LAST_MESSAGE_TTL_MS = 30 * 60_000;

/** In-process review store: the default when REDIS_URL is not set. Bounded in size. */
export class MemoryReviewStore implements ReviewStore {
  private readonly groups = new Map<string, ReviewGroup>();
  private readonly last = new Map<string, { miss: Omit<Miss, 'reason'>; expires: number }>();
  private readonly contributions = new Map<string, Set<string>>();
  private readonly retentionMs: number;

  constructor(retentionDays = REVIEW_RETENTION_DAYS) {
    this.retentionMs = retentionDays * 24 * 3600_000;
  }

  async add(miss: Miss, conversation?: string) {
    const key = reviewKey(miss.text);
    if (conversation) {
      this.contributions.set(conversation, (this.contributions.get(conversation) ?? new Set()).add(key));
      if (this.contributions.size > MAX_CONVERSATIONS) this.contributions.delete(this.contributions.keys().next().value!);
    }
    const group = this.groups.get(key) ?? { key, text: miss.text, count: 0, reasons: {}, candidates: [], lastSeen: '' };
    group.count += 1;
    group.reasons[miss.reason] = (group.reasons[miss.reason] ?? 0) + 1;
    group.candidates = miss.candidates;
    group.lastSeen = new Date().toISOString();
    this.groups.delete(key);
    this.groups.set(key, group);
    if (this.groups.size > MAX_GROUPS) this.groups.delete(this.groups.keys().next().value!);
  }

  async list(limit = 200) {
    const oldest = new Date(Date.now() - this.retentionMs).toISOString();
    for (const [key, group] of this.groups) if (group.lastSeen < oldest) this.groups.delete(key);
    return [...this.groups.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen)).slice(0, limit);
  }

  async get(key: string) {
    return this.groups.get(key);
  }

  async remove(key: string) {
    this.groups.delete(key);
  }

  async rememberLast(conversation: string, miss: Omit<Miss, 'reason'>) {
    this.last.delete(conversation);
    this.last.set(conversation, { miss, expires: Date.now() + LAST_MESSAGE_TTL_MS });
    if (this.last.size > MAX_CONVERSATIONS) this.last.delete(this.last.keys().next().value!);
  }

  async takeLast(conversation: string) {
    const entry = this.last.get(conversation);
    this.last.delete(conversation);
    return entry && entry.expires > Date.now() ? entry.miss : undefined;
  }

  async forgetConversation(conversation: string) {
    this.last.delete(conversation);
    for (const key of this.contributions.get(conversation) ?? []) this.groups.delete(key);
    this.contributions.delete(conversation);
  }
}
