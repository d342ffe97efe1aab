// Where a fiche sends people, as catalog ids. The fiches name an office either by a DILA pivot
// code (2020 codes, some for bodies abolished since) or only by a title and a resource id
// (R30 « Tribunal judiciaire », R97 « CNDA »...). Both are mapped here by role, from
// where-to-go.yaml; an entry that maps to nothing is reported as dropped, never guessed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface FicheContext {
  theme: string;
  title: string;
}

interface WhereToGoFile {
  /** resource id of an « Où s'adresser » entry without pivot code -> catalog id */
  resources: Record<string, string>;
  /** pivot code -> today's catalog id, when the body was renamed or merged whole */
  renamed: Record<string, string>;
}

const WHERE_TO_GO = parse(readFileSync(join(__dirname, 'where-to-go.yaml'), 'utf8')) as WhereToGoFile;

const LABOUR_THEMES = new Set(['Travail', 'Ressources humaines', 'Justice', 'Social - Santé', 'Famille', "Fonctionnement d'une association"]);
const ECONOMY_THEMES = new Set([
  'Vente - Commerce',
  'Gestion - Finances',
  'Création - Modification - Cessation',
  'Fiscalité',
  "Financement et fiscalité d'une association",
]);
/** Topics the Direccte handled outside labour law, taken over by the regional DREETS in 2021. */
const ECONOMY_TOPIC =
  /exonération|zone|revitalisation|contrefaçon|poids et mesures|vente|paiement|concurren|produits défectueux|repreneur|agrément|tva|fonds social/i;
const YOUTH_THEMES = new Set(['Famille', 'Loisirs', "Fonctionnement d'une association", "Financement et fiscalité d'une association"]);

/**
 * Codes of bodies split or abolished since 2020, mapped by what the fiche asks of them: the
 * Direccte's labour inspection went to the DDETS, its economy and consumer desks to the
 * DREETS; youth and sports (DDCS, DRJSCS) went to the SDJES. Undefined: no body does it today
 * under that code (work permits for foreigners moved to the ANEF, for instance).
 */
function byRole(code: string, fiche: FicheContext): string | undefined {
  if (code.startsWith('direccte_')) {
    if (code === 'direccte_ut_concurrence' || ECONOMY_TOPIC.test(fiche.title) || ECONOMY_THEMES.has(fiche.theme)) return 'dreets';
    return LABOUR_THEMES.has(fiche.theme) ? 'ddets' : undefined;
  }
  if (code === 'ddcs') return YOUTH_THEMES.has(fiche.theme) ? 'sdjes' : undefined;
  if (code === 'drjscs' || code === 'drjscs_ut') return YOUTH_THEMES.has(fiche.theme) ? 'sdjes' : 'dreets';
  return WHERE_TO_GO.renamed[code] ?? code;
}

const VALID_ID = /^[a-z0-9][a-z0-9_]*$/;

/** The catalog id for one « Où s'adresser » entry, or undefined when it is dropped. */
export function officeId(entry: { pivot: string; resource: string }, fiche: FicheContext): string | undefined {
  if (entry.pivot) {
    const id = byRole(entry.pivot, fiche);
    return id && VALID_ID.test(id) ? id : undefined;
  }
  return WHERE_TO_GO.resources[entry.resource];
}
