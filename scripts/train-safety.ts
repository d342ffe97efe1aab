// `npm run train:safety`: trains the emergency detector's statistical model (bot/safety/model.ts)
// on the tuning part of the emergency set and on the trees of dialogs/ (scripts/safety/train.ts),
// and writes bot/safety/model.json. Never on the hold-out part. Run it again after a change of
// test/eval/emergencies/tuning.yaml or of the emergency vocabulary, and commit the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBrain } from '../app/runtime';
import { MODEL_PATH, wordClasses } from '../bot/safety/model';
import { EMERGENCY_DIR, loadEmergencyCases } from './eval/emergencies';
import { caseExample, DEFAULTS, treeExamples, train } from './safety/train';

const { registry } = loadBrain({ annuaireIndex: null });
const cases = loadEmergencyCases(join(EMERGENCY_DIR, 'tuning.yaml'));
const examples = [...treeExamples(registry.current.trees), ...cases.flatMap((kase) => caseExample(kase) ?? [])];
const model = train(examples, DEFAULTS, wordClasses(registry.current.trees.safety.groups));
writeFileSync(MODEL_PATH, `${JSON.stringify(model)}\n`);
console.log(
  `${MODEL_PATH} : ${examples.length} exemples (${cases.length} cas réels), ${model.labels.length} étiquettes, ${Object.keys(model.rows).length} lignes de poids.`,
);
