// `npm run test:dialogs` : runs the conversation tests of test/conversations/ and prints the
// transcript of each failure. `-- --coverage` adds the share of tree nodes the tests reach.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBrain, ROOT } from '../app/runtime';
import { coverage, formatCoverage, formatTranscript, readDialogTests, runConversation } from '../app/agent/dialog-tests';

const { values } = parseArgs({ options: { coverage: { type: 'boolean', default: false }, verbose: { type: 'boolean', short: 'v', default: false }, dir: { type: 'string' } } });

const { knowledge, registry } = loadBrain();
const ctx = { ...registry.current, knowledge, now: new Date() };
const results = readDialogTests(values.dir ?? join(ROOT, 'test/conversations')).map((spec) => runConversation(spec, ctx));
const failed = results.filter((r) => !r.passed);

for (const result of results) if (!result.passed || values.verbose) console.log(formatTranscript(result) + '\n');
console.log(`${results.length - failed.length}/${results.length} conversations réussies.`);
if (values.coverage) {
  const reached = new Set(results.flatMap((r) => [...r.reached]));
  console.log('\n' + formatCoverage(coverage(registry.current.trees, reached)));
}
process.exitCode = failed.length > 0 ? 1 : 0;
