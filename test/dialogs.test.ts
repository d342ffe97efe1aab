import { join } from 'node:path';
import { loadBrain } from '../app/runtime';
import { formatTranscript, readDialogTests, runConversation } from '../app/agent/dialog-tests';

// Every conversation test written by agents in test/conversations/ runs here too, so that
// `npm test` fails when a tree change breaks what a person would see.

const { knowledge, registry } = loadBrain();
const ctx = { ...registry.current, knowledge, now: new Date() };
const specs = readDialogTests(join(__dirname, 'conversations'));

describe.each([...new Set(specs.map((s) => s.file))])('%s', (file) => {
  test.each(specs.filter((s) => s.file === file).map((s) => [s.name, s] as const))('%s', (_name, spec) => {
    const result = runConversation(spec, ctx);
    if (!result.passed) throw new Error(`\n${formatTranscript(result)}`);
  });
});
