import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Knowledge } from '../../knowledge/types';
import type { TreeSource } from '../../bot/trees/files';
import type { TreeProblem } from '../../bot/trees/loader';
import type { Intent } from '../../bot/trees/types';
import { unpackingSteps, type LoadedTrees, type PackedTrees } from '../../bot/trees/packed';

export interface CompiledTrees {
  /** undefined when the trees have errors: the previous ones stay in service */
  loaded?: LoadedTrees;
  problems: TreeProblem[];
  /** (validated trees) their compiled form, for other processes to load without compiling */
  shared?: Buffer;
}

export interface CompileOptions {
  /** every check an agent's edit must pass (lint, the channels'); without: only loading, of trees another process validated */
  validate: boolean;
  /** compiled form another process shared: used when it was made from the same texts and code */
  shared?: Uint8Array;
}

/** Trees from their texts, compiled in a worker thread. */
export interface TreeCompiler {
  (sources: TreeSource[], options: CompileOptions): Promise<CompiledTrees>;
  /** starts the worker now, so that the first edit announced does not wait for it to boot */
  warm(): void;
  close(): Promise<void>;
}

export interface CompileJob extends CompileOptions {
  id: number;
  sources: TreeSource[];
}

/**
 * The worker's reply comes in parts, each a message of its own: the intents INTENTS_PER_PART at
 * a time, then each other field of the packed trees, then the end (the compiled form to share,
 * as bytes moved to this thread, not copied).
 */
export type CompileReply =
  | { id: number; intents: Intent[] }
  | { id: number; part: Partial<PackedTrees> }
  | { id: number; packed: boolean; problems: TreeProblem[]; shared?: Uint8Array; error?: string };

/**
 * Each message is copied into the main thread in one go: small parts keep each copy short,
 * and citizens' requests are served between them.
 */
export const INTENTS_PER_PART = 200;

// The worker runs TypeScript as the rest of the bot does: through tsx, registered in the
// thread itself, so that it loads the same under `tsx app/server.ts`, `node --import tsx` and jest.
const ENTRY = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`;

interface Pending {
  intents: Intent[];
  rest: Partial<PackedTrees>;
  resolve: (result: CompiledTrees) => void;
  reject: (error: Error) => void;
}

/**
 * Trees compiled in a worker thread (app/trees/worker.ts), one job at a time; only the
 * unpacking runs on the thread that answers citizens. The worker starts on the first job
 * and again after a crash.
 */
export function compileInWorker(knowledge: Knowledge): TreeCompiler {
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, Pending>();

  const finish = async (job: Pending, reply: Extract<CompileReply, { problems: TreeProblem[] }>) => {
    if (reply.error) return job.reject(new Error(reply.error));
    if (!reply.packed) return job.resolve({ problems: reply.problems });
    const shared = reply.shared && Buffer.from(reply.shared.buffer, reply.shared.byteOffset, reply.shared.byteLength);
    // requests that arrived during the last part go first, and between each step of the unpacking
    const steps = unpackingSteps({ ...(job.rest as PackedTrees), intents: job.intents }, knowledge);
    let step: IteratorResult<void, LoadedTrees>;
    do {
      await turn();
      step = steps.next();
    } while (!step.done);
    job.resolve({ loaded: step.value, problems: reply.problems, shared });
  };

  const start = () => {
    const thread = new Worker(ENTRY, { eval: true });
    thread.unref(); // an idle worker never keeps the process alive
    const failAll = (error: Error) => {
      if (worker !== thread) return; // closed on purpose
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      worker = undefined;
    };
    thread.on('message', (reply: CompileReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      if ('intents' in reply) {
        job.intents.push(...reply.intents);
        return;
      }
      if ('part' in reply) {
        Object.assign(job.rest, reply.part);
        return;
      }
      pending.delete(reply.id);
      void finish(job, reply);
    });
    thread.on('error', failAll);
    thread.on('exit', (code) => failAll(new Error(`trees worker exited with ${code}`)));
    return thread;
  };

  const compile = (sources: TreeSource[], options: CompileOptions) =>
    new Promise<CompiledTrees>((resolve, reject) => {
      const id = next++;
      pending.set(id, { intents: [], rest: {}, resolve, reject });
      worker ??= start();
      worker.postMessage({ id, sources, ...options } satisfies CompileJob);
    });
  return Object.assign(compile, {
    warm() {
      worker ??= start();
    },
    async close() {
      const thread = worker;
      worker = undefined;
      await thread?.terminate();
    },
  });
}
