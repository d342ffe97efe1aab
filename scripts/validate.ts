// `npm run validate` : checks every tree under dialogs/ (or DIALOGS_DIR) and every territory
// pack under territories/ (or TERRITORIES_DIR), and prints each problem as file:line:column: the format and structure checks, then the truth checks
// (scripts/validate/truth.ts: costs, contacts, today's names, sources). Exits 1 when there is
// an error; warnings alone pass.
import { createKnowledge } from '../knowledge';
import { DIALOGS_DIR } from '../app/runtime';
import { formatProblem } from '../bot/trees/loader';
import { CHANNEL_TREE_CHECKS } from '../channels';
import { isError, validateDir } from '../bot/trees/validate';
import { truthProblems } from './validate/truth';

const dir = process.argv[2] ?? DIALOGS_DIR;
const knowledge = createKnowledge();
const { trees, problems: treeProblems } = validateDir(dir, knowledge, CHANNEL_TREE_CHECKS);
const truth = trees ? truthProblems({ trees, knowledge, now: new Date() }) : [];
// a territory's notes must name needs that the trees have
const packs = knowledge.reloadTerritories(trees ? new Set(trees.intents.map((intent) => intent.id)) : undefined).problems;
const problems = [...treeProblems, ...truth, ...packs].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter(isError).length;
const warnings = problems.length - errors;
const truthErrors = truth.filter(isError).length;
console.log(
  `Vérité : ${truthErrors} erreur${truthErrors > 1 ? 's' : ''}, ${truth.length - truthErrors} avertissement${truth.length - truthErrors > 1 ? 's' : ''}.`,
);
console.log(
  errors === 0
    ? `Arbres et territoires valides (${warnings} avertissement${warnings > 1 ? 's' : ''}).`
    : `${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''} : corrigez les erreurs avant de publier.`,
);
process.exitCode = errors > 0 ? 1 : 0;
