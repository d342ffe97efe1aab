// The emergency detector's cost per message, in a process of its own:
// `tsx scripts/bench/detector-run.ts`. Prints one JSON line per setting: short messages
// people really typed, messages of 200, 1,000 (the engine's limit) and 5,000 characters
// (more than the detector reads) made of them, and 1,000 characters made only of signal
// words (the worst case for the detector's work).
import { loadBrain } from '../../app/runtime';
import { emergencyDetector } from '../../bot/safety/detector';
import { citizenMessages } from './workload';
import { percentile } from './stats';

const WARM_UP = 200;
const MEASURED = 1000;
/** Lengths of the messages made of several real ones. */
const LENGTHS = [200, 1000, 5000];
const LONG = 1000;
/**
 * Each message is timed this many times and its fastest time kept: on a machine shared with
 * other work, a pause of the process (another job's turn on the core) only adds time.
 */
const REPEATS = 5;

/** Distinct messages of exactly `length` characters, each made of several real ones. */
function longMessages(short: string[], count: number, length: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let k = i; text.length < length; k += 7) text += `${short[k % short.length]}. `;
    return text.slice(0, length);
  });
}

/** Words that start many signals, repeated: « il me frappe, il veut me tuer, au feu... » */
function adversarialMessages(count: number): string[] {
  const words = [
    'il',
    'me',
    'frappe',
    'veut',
    'tuer',
    'au',
    'feu',
    'mon',
    'mari',
    'avale',
    'medicaments',
    'pas',
    'de',
    'toit',
    'enfant',
    'coups',
    'dors',
    'dehors',
  ];
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let k = i; text.length < LONG; k++) text += `${words[(k * 5 + i) % words.length]} `;
    return text.slice(0, LONG);
  });
}

function measure(detect: (text: string) => unknown, messages: string[]) {
  for (const text of messages.slice(0, WARM_UP)) detect(text);
  const times: number[] = [];
  for (const text of messages.slice(WARM_UP)) {
    let fastest = Infinity;
    for (let r = 0; r < REPEATS; r++) {
      const start = performance.now();
      detect(text);
      fastest = Math.min(fastest, performance.now() - start);
    }
    times.push(fastest);
  }
  return { meanMs: times.reduce((a, b) => a + b, 0) / times.length, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}

function main() {
  // the registry compiles the detector with the trees: the time is that of loading both
  const compileStart = performance.now();
  const { registry } = loadBrain({ annuaireIndex: null });
  const detector = emergencyDetector(registry.current.trees);
  const compileMs = performance.now() - compileStart;
  const short = citizenMessages(WARM_UP + MEASURED);
  const settings = {
    'short messages people typed': short,
    ...Object.fromEntries(LENGTHS.map((length) => [`${length.toLocaleString('en')}-character messages`, longMessages(short, WARM_UP + MEASURED, length)])),
    '1,000 characters of signal words': adversarialMessages(WARM_UP + MEASURED),
  };
  for (const [setting, messages] of Object.entries(settings)) {
    const chars = messages.slice(WARM_UP).reduce((sum, m) => sum + m.length, 0) / MEASURED;
    console.log(JSON.stringify({ setting, chars, compileMs, ...measure((text) => detector.detect(text), messages) }));
  }
}

main();
