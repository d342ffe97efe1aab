/**
 * Keeps a lease alive: calls renew every third of its lifetime until stopped. A holder that
 * dies (kill -9, a lost machine) stops renewing, and what it held lapses within one lease,
 * while a holder that lives keeps it however long its work takes.
 */
export function keepRenewed(leaseMs: number, renew: () => Promise<unknown>): () => void {
  // A failed renewal is not fatal: the next may succeed, and if the lease lapsed meanwhile
  // the holder's writes are refused by their token check.
  const timer = setInterval(() => void renew().catch(() => undefined), Math.max(1, Math.floor(leaseMs / 3)));
  timer.unref();
  return () => clearInterval(timer);
}
