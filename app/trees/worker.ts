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
  const text = shared && Buffer.from(shared.buffer, shared.byteOffset, shared.byteLength).toString();
  const split = text?.indexOf('\n') ?? -1;
  if (!text || split < 0 || text.slice(0, split) !== snapshotKey(sources)) return undefined;
  return deserializePacked(text.slice(split + 1));
}

function compile(job: CompileJob): { packed?: PackedTrees; problems: TreeProblem[]; shared?: Buffer } {
  const reused = !job.validate && sharedPack(job);
  if (reused) return { packed: reused, problems: reused.problems };
  if (!job.validate) return compileTreeSources(job.sources, knowledge);
  const { trees, problems } = validateSources(job.sources, knowledge, CHANNEL_TREE_CHECKS);
  const packed = trees && packTrees(trees, problems, languageSourcesOf(job.sources));
  // bytes of their own (not a slice of Node's shared pool), so that they can be moved to the main thread
  return { packed, problems, shared: packed && Buffer.from(`${snapshotKey(job.sources)}\n${serializePacked(packed)}`) };
}

parentPort!.on('message', (job: CompileJob) => {
  const post = (reply: CompileReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);
  try {
    const { packed, problems, shared } = compile(job);
    if (!packed) return post({ id: job.id, packed: false, problems });
    const { intents, ...rest } = packed;
    for (let i = 0; i < intents.length; i += INTENTS_PER_PART) post({ id: job.id, intents: intents.slice(i, i + INTENTS_PER_PART) });
    // one message per field: the matcher's index, the detector and the languages are each copied in a turn of their own
    for (const [key, value] of Object.entries(rest)) post({ id: job.id, part: { [key]: value } });
    post({ id: job.id, packed: true, problems, shared }, shared ? [shared.buffer as ArrayBuffer] : []);
  } catch (err) {
    post({ id: job.id, packed: false, problems: [], error: (err as Error).message });
  }
});
