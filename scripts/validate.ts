// `npm run validate` : checks every tree under dialogs/ (or DIALOGS_DIR) and prints each
// problem as file:line:column. Exits 1 when there is an error; warnings alone pass.
import { createKnowledge } from '../knowledge';
import { DIALOGS_DIR } from '../app/runtime';
import { formatProblem } from '../bot/trees/loader';
import { CHANNEL_TREE_CHECKS } from '../channels';
import { isError, validateDir } from '../bot/trees/validate';

const dir = process.argv[2] ?? DIALOGS_DIR;
const { problems } = validateDir(dir, createKnowledge(), CHANNEL_TREE_CHECKS);
for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter(isError).length;
const warnings = problems.length - errors;
console.log(errors === 0 ? `Arbres valides (${warnings} avertissement${warnings > 1 ? 's' : ''}).` : `${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''} : corrigez les erreurs avant de publier.`);
process.exitCode = errors > 0 ? 1 : 0;
