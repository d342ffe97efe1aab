import { readFileSync } from 'node:fs';
import { loadTrees, formatProblem } from '../../bot/trees/loader';
import { createKnowledge } from '../../knowledge';
import { DIALOGS_DIR } from '../../app/runtime';
import { GUIDE, guideWithTables } from '../../scripts/schema-doc';

test('the bundled trees load with no error', () => {
  const result = loadTrees(DIALOGS_DIR, createKnowledge());
  expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  expect(result.trees!.intents.length).toBeGreaterThan(5);
});

test("the agents' guide lists exactly the fields the validator accepts (run npm run schema:doc)", () => {
  const guide = readFileSync(GUIDE, 'utf8');
  expect(guide).toBe(guideWithTables(guide));
});
