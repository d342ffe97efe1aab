import { setTimeout as sleep } from 'node:timers/promises';
import type { StateStore } from './types';
import { keepRenewed } from './lease';

export interface OnceOptions {
  /** the claim on the event is a lease of this length, renewed while it is answered */
  leaseMs: number;
  /** how long a redelivery waits for the turn answering the same event elsewhere */
  waitMs: number;
}

/**
 * Answers a webhook event once across every process, and never loses it. The event id is
 * claimed (a lease renewed while `answer` runs) and remembered only once the answer exists:
 * - a redelivery while the first delivery is being answered waits for it, then is ignored;
 * - if the process answering it dies, its claim lapses within one lease and the waiting
 *   redelivery answers instead;
 * - while the store is away we answer, rather than risk ignoring a first delivery.
 * Resolves to undefined when the event was (or is being) answered elsewhere.
 */
export async function answerOnce<T>(store: StateStore, key: string, options: OnceOptions, answer: () => Promise<T>): Promise<T | undefined> {
  const deadline = Date.now() + options.waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 100)) {
    const claim = await store.claim(key, options.leaseMs).catch(() => 'new' as const);
    if (claim === 'answered') return undefined;
    if (claim === 'new') break;
    // Still pending after the wait: its holder is alive and renewing, and will answer it.
    if (Date.now() > deadline) return undefined;
    await sleep(pause);
  }
  const stopRenewing = keepRenewed(options.leaseMs, () => store.prolong(key, options.leaseMs));
  try {
    const result = await answer();
    stopRenewing();
    await store.remember(key).catch(() => undefined);
    return result;
  } finally {
    // A failed answer stops renewing too: its claim lapses and a redelivery is answered.
    stopRenewing();
  }
}
