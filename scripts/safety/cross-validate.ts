// `npm run eval:safety-cv`: how the emergency detector does on wording it was not trained on,
// measured on the TUNING part only (never the hold-out): k-fold cross-validation with a fixed
// seed, folds made of whole source pages, so that no page has fragments on both sides. For each fold, the model is trained on the other folds and the trees (train.ts), and the
// fold is scored as `npm run eval -- --emergencies` scores it (scripts/eval/emergencies.ts).
// The signals themselves were written while reading the whole tuning part: their rows here are
// optimistic, only the hold-out and new batches measure them honestly (docs/accuracy.md).
import { join } from 'node:path';
import { loadBrain } from '../../app/runtime';
import { orient } from '../../bot/engine/orient';
import { emergencyDetector } from '../../bot/safety/detector';
import { fromFile, type SafetyModel, wordClasses } from '../../bot/safety/model';
import { EMERGENCY_DIR, emergencyRows, judge, loadEmergencyCases, type EmergencyCase, type EmergencyOutcome } from '../eval/emergencies';
import { caseExample, DEFAULTS, seeded, shuffle, train, treeExamples } from './train';

const FOLDS = Number(process.argv.find((a) => a.startsWith('--folds='))?.slice(8) ?? 5);
const SEED = 2026;

const { knowledge, registry } = loadBrain({ annuaireIndex: null });
const { trees, matcher } = registry.current;
const cases = loadEmergencyCases(join(EMERGENCY_DIR, 'tuning.yaml'));

/** The page a case comes from (its text when it names none). */
function pageOf(kase: EmergencyCase): string {
  return kase.url ?? kase.text;
}

const pages = shuffle([...new Set(cases.map(pageOf))], seeded(SEED));
const foldOfPage = new Map(pages.map((page, rank) => [page, rank % FOLDS]));
const fold = new Map<EmergencyCase, number>(cases.map((kase) => [kase, foldOfPage.get(pageOf(kase))!]));
const fromTrees = treeExamples(trees);
const classes = wordClasses(trees.safety.groups);

/** The fold's cases, answered by a detector with this model (its own copy of the trees, so that it is compiled for them). */
function answered(part: EmergencyCase[], model: SafetyModel | null): EmergencyOutcome[] {
  const own = { ...trees };
  emergencyDetector(own, model);
  return part.map((kase) => judge(kase, orient(kase.text, { trees: own, matcher, knowledge })));
}

const rules: EmergencyOutcome[] = answered(cases, null);
const withModel: EmergencyOutcome[] = [];
for (let k = 0; k < FOLDS; k++) {
  const trained = cases.filter((kase) => fold.get(kase) !== k).flatMap((kase) => caseExample(kase) ?? []);
  const model = fromFile(train([...fromTrees, ...trained], DEFAULTS, classes));
  withModel.push(
    ...answered(
      cases.filter((kase) => fold.get(kase) === k),
      model,
    ),
  );
}
const rows = emergencyRows([
  { file: 'signaux seuls (tuning entier)', outcomes: rules },
  { file: `signaux + modèle (${FOLDS} plis, graine ${SEED})`, outcomes: withModel },
]);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const row of rows) console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
