// `npm run eval:safety-cv`: how the emergency detector does on wording it was not trained on,
// measured on the TUNING part only (never the hold-out): k-fold cross-validation with a fixed
// seed, folds made of whole source pages, so that no page has fragments on both sides. For each
// fold, the model is trained on the other folds and the trees (train.ts), and the fold is scored
// as `npm run eval -- --emergencies` scores it (scripts/eval/emergencies.ts). The signals were
// written while reading the whole tuning part: the second row is optimistic. The third removes,
// for each fold, the signals only that fold's pages support (support.ts): the estimate to
// improve, close to the hold-out (docs/accuracy.md).
import { join } from 'node:path';
import { loadBrain } from '../../app/runtime';
import { orient } from '../../bot/engine/orient';
import { emergencyDetector } from '../../bot/safety/detector';
import { fromFile, type SafetyModel, wordClasses } from '../../bot/safety/model';
import { EMERGENCY_DIR, emergencyRows, judge, loadEmergencyCases, type EmergencyCase, type EmergencyOutcome } from '../eval/emergencies';
import { caseExample, DEFAULTS, seeded, shuffle, train, treeExamples } from './train';
import { keptSignals, pageOf, signalSupport, supportSummary } from './support';
import type { Trees } from '../../bot/trees/types';

const FOLDS = Number(process.argv.find((a) => a.startsWith('--folds='))?.slice(8) ?? 5);
const SEED = 2026;

const { knowledge, registry } = loadBrain({ annuaireIndex: null });
const { trees, matcher } = registry.current;
const cases = loadEmergencyCases(join(EMERGENCY_DIR, 'tuning.yaml'));

const pages = shuffle([...new Set(cases.map(pageOf))], seeded(SEED));
const foldOfPage = new Map(pages.map((page, rank) => [page, rank % FOLDS]));
const fold = new Map<EmergencyCase, number>(cases.map((kase) => [kase, foldOfPage.get(pageOf(kase))!]));
const classes = wordClasses(trees.safety.groups);
const support = signalSupport(trees, cases);

/** The fold's cases, answered by a detector on these trees with this model (its own copy of the trees, so that it is compiled for them). */
function answered(part: EmergencyCase[], model: SafetyModel | null, from: Trees = trees): EmergencyOutcome[] {
  const own = { ...from };
  emergencyDetector(own, model);
  return part.map((kase) => judge(kase, orient(kase.text, { trees: own, matcher, knowledge })));
}

/** Fold k answered by a model trained on the other folds, with the trees as given or without the signals only fold k supports. */
function foldAnswered(k: number, pruned: boolean): EmergencyOutcome[] {
  const from = pruned
    ? keptSignals(trees, (signal) => [...(support.get(signal) ?? [undefined])].some((page) => page === undefined || foldOfPage.get(page) !== k))
    : trees;
  const trained = cases.filter((kase) => fold.get(kase) !== k).flatMap((kase) => caseExample(kase) ?? []);
  const model = fromFile(train([...treeExamples(from), ...trained], DEFAULTS, classes));
  return answered(
    cases.filter((kase) => fold.get(kase) === k),
    model,
    from,
  );
}

const folds = [...Array(FOLDS).keys()];
const rows = emergencyRows([
  { file: 'signaux seuls (tuning entier)', outcomes: answered(cases, null) },
  { file: `signaux + modèle (${FOLDS} plis, graine ${SEED})`, outcomes: folds.flatMap((k) => foldAnswered(k, false)) },
  { file: 'sans les signaux que seul le pli porte', outcomes: folds.flatMap((k) => foldAnswered(k, true)) },
]);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const row of rows) console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
const { supported, onePage } = supportSummary(support);
console.log(`\nSignaux trouvés là où ils ont raison : ${supported}, dont ${onePage} sur une seule page.`);
