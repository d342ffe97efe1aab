// `npm run test:dialogs` : runs the conversation tests of test/conversations/ and prints the
// transcript of each failure. `-- --coverage` adds the share of tree nodes the tests reach;
// `-- --natural` replays them with answers rewritten as people answer (`--seed` to vary).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBrain, ROOT } from '../app/runtime';
import { coverage, formatCoverage, formatTranscript, readDialogTests, runConversation } from '../app/agent/dialog-tests';
import { formatNaturalReplay, replayNaturally, type NaturalReplay } from '../app/agent/natural-answers';

const { values } = parseArgs({
  options: {
    coverage: { type: 'boolean', default: false },
    natural: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    verbose: { type: 'boolean', short: 'v', default: false },
    dir: { type: 'string' },
  },
});
/** the share of natural replays that must reach the same outcome (issue #11) */
const NATURAL_TARGET = 0.95;

const { knowledge, registry } = loadBrain();
const ctx = { ...registry.current, knowledge, now: new Date() };
const specs = readDialogTests(values.dir ?? join(ROOT, 'test/conversations'));
const results = specs.map((spec) => runConversation(spec, ctx));
const failed = results.filter((r) => !r.passed);

for (const result of results) if (!result.passed || values.verbose) console.log(formatTranscript(result) + '\n');
console.log(`${results.length - failed.length}/${results.length} conversations réussies.`);
if (values.coverage) {
  const reached = new Set(results.flatMap((r) => [...r.reached]));
  console.log('\n' + formatCoverage(coverage(registry.current.trees, reached)));
}
let naturalOk = true;
if (values.natural) {
  const replays = specs.map((spec) => replayNaturally(spec, ctx, values.seed!)).filter((r): r is NaturalReplay => r !== undefined);
  const same = replays.filter((r) => r.same).length;
  for (const replay of replays) if (!replay.same || values.verbose) console.log('\n' + formatNaturalReplay(replay));
  const share = replays.length === 0 ? 1 : same / replays.length;
  console.log(
    `\nRéponses naturelles (graine ${values.seed}) : ${same}/${replays.length} conversations rejouées atteignent le même résultat (${(share * 100).toFixed(1)} %, objectif ${NATURAL_TARGET * 100} %).`,
  );
  naturalOk = share >= NATURAL_TARGET;
}
process.exitCode = failed.length > 0 || !naturalOk ? 1 : 0;
