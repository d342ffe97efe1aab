// One matcher measurement in a process of its own, so that each gets a clean heap and its
// own resident memory: `tsx scripts/bench/matcher-run.ts <ours|analysis|nlpjs> <intents>`.
// Prints one JSON line: load time, time per message (mean, p50, p99), RSS. `analysis` times
// only what our matcher does first with every message, whatever the intents (normalising,
// stemming: bot/nlu/analyze.ts), after building the same matcher: the floor of its time.
import { analyze } from '../../bot/nlu/analyze';
import { buildMatcher } from '../../bot/nlu/matcher';
import { citizenMessages, generatedIntents, intentPhrases } from './workload';
import { percentile } from './stats';

const WARM_UP = 200;
const MEASURED = 1000;

type Classify = (text: string) => unknown;

async function load(engine: string, intentCount: number): Promise<Classify> {
  const intents = generatedIntents(intentCount);
  if (engine === 'ours' || engine === 'analysis') {
    const matcher = buildMatcher(intents);
    return engine === 'ours' ? (text) => matcher.match(text) : analyze;
  }
  const { NlpManager } = require('node-nlp');
  const manager = new NlpManager({ languages: ['fr'], forceNER: false, autoSave: false, nlu: { log: false } });
  for (const intent of intents) for (const phrase of intentPhrases(intent)) manager.addDocument('fr', phrase, intent.id);
  await manager.train();
  return (text) => manager.process('fr', text);
}

async function main() {
  const [engine, count] = [process.argv[2], Number(process.argv[3])];
  const messages = citizenMessages(WARM_UP + MEASURED);
  const loadStart = performance.now();
  const classify = await load(engine, count);
  const loadMs = performance.now() - loadStart;
  // Distinct messages each time: no answer is served from a cache it filled itself.
  for (const text of messages.slice(0, WARM_UP)) await classify(text);
  const times: number[] = [];
  // CPU time as well: on a busy machine, the wall time of a message also counts the time the
  // process waited for a core.
  const cpuStart = process.cpuUsage();
  for (const text of messages.slice(WARM_UP)) {
    const start = performance.now();
    await classify(text);
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const cpuMeanMs = (cpu.user + cpu.system) / 1000 / MEASURED;
  console.log(
    JSON.stringify({ loadMs, meanMs: mean, cpuMeanMs, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), rssMb: process.memoryUsage().rss / 2 ** 20 }),
  );
}

void main();
