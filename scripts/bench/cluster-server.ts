// Several bot processes behind one port, for the bench's horizontal-scale rows: node:cluster's
// primary accepts every connection and hands it to its workers in turn (round robin), as a
// load balancer in front of several machines would; each worker is the real app/server.ts.
// WORKERS: how many (default 2). SIGTERM stops the workers gracefully, then the primary.
import cluster from 'node:cluster';

if (cluster.isPrimary) {
  // Round robin by the primary, not the operating system's choice among waiting workers,
  // which on Linux piles most connections on one or two of them.
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const workers = Array.from({ length: Number(process.env.WORKERS ?? 2) }, () => cluster.fork());
  const stop = () => workers.forEach((worker) => worker.kill('SIGTERM'));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  cluster.on('exit', () => {
    if (workers.every((worker) => worker.isDead())) process.exit(0);
  });
} else {
  // In a worker, listen(0) gets the port the primary opened for every worker.
  void import('../../app/server');
}
