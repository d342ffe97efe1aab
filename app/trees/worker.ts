import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { createKnowledge } from '../../knowledge';
import { compileTreeSources, deserializePacked, languageSourcesOf, packTrees, serializePacked, type PackedTrees } from '../../bot/trees/packed';
import { snapshotKey } from '../../bot/trees/compiled-cache';
import type { TreeProblem } from '../../bot/trees/loader';
import { validateSources } from '../../bot/trees/validate';
import { CHANNEL_TREE_CHECKS } from '../../channels';
import { INTENTS_PER_PART, type CompileJob, type CompileReply } from './thread';

const WORKER_NICE = 10;

// The worker thread that parses, checks and indexes trees, so that the event loop that
// answers citizens never does: it posts back plain data (bot/trees/packed.ts), in parts.

// On a busy machine the thread answering citizens goes first: on Linux a priority is per thread,
// and this lowers this thread's alone (nice 10: a tenth of the CPU the main thread gets).
try {
  setPriority(WORKER_NICE);
} catch {
  // not allowed here: same priority as the main thread
}

// Its own knowledge, read from the same files and settings as the main thread's.
const knowledge = createKnowledge({ log: () => undefined });
// The code's digest (part of the key of a shared compiled form) is read once, before any job.
snapshotKey([]);

/** What another process compiled, if made from these very texts and code (the snapshot's key). */
function sharedPack({ sources, shared }: CompileJob): PackedTrees | undefined {
  const split = shared?.indexOf('\n') ?? -1;
  if (!shared || split < 0 || shared.slice(0, split) !== snapshotKey(sources)) return undefined;
  return deserializePacked(shared.slice(split + 1));
}

function compile(job: CompileJob): { packed?: PackedTrees; problems: TreeProblem[]; shared?: string } {
  const reused = !job.validate && sharedPack(job);
  if (reused) return { packed: reused, problems: reused.problems };
  if (!job.validate) return compileTreeSources(job.sources, knowledge);
  const { trees, problems } = validateSources(job.sources, knowledge, CHANNEL_TREE_CHECKS);
  const packed = trees && packTrees(trees, problems, languageSourcesOf(job.sources));
  return { packed, problems, shared: packed && `${snapshotKey(job.sources)}\n${serializePacked(packed)}` };
}

parentPort!.on('message', (job: CompileJob) => {
  const post = (reply: CompileReply) => parentPort!.postMessage(reply);
  try {
    const { packed, problems, shared } = compile(job);
    if (!packed) return post({ id: job.id, problems });
    const { intents, ...rest } = packed;
    for (let i = 0; i < intents.length; i += INTENTS_PER_PART) post({ id: job.id, intents: intents.slice(i, i + INTENTS_PER_PART) });
    post({ id: job.id, rest, problems, shared });
  } catch (err) {
    post({ id: job.id, problems: [], error: (err as Error).message });
  }
});
