import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One line of a case file (shared/eval/dev.yaml format). */
export interface EvalCase {
  text: string;
  /** acceptable service ids; "none" means the bot must say it did not understand */
  expect: string[];
  facts?: string[];
  /** the page the message was quoted from (real-phrasing sets): cross-validation keeps a page's quotes together */
  page?: string;
}

export function loadCases(path: string): EvalCase[] {
  const data = parse(readFileSync(path, 'utf8')) as { cases?: (EvalCase & { source?: { url?: unknown } })[] };
  if (!Array.isArray(data?.cases)) throw new Error(`${path} : il manque la liste « cases ».`);
  return data.cases.map((c, i) => {
    if (typeof c?.text !== 'string' || !Array.isArray(c.expect)) throw new Error(`${path} : le cas ${i + 1} doit avoir « text » et « expect ».`);
    const url = c.source?.url;
    return { text: c.text, expect: c.expect.map(String), facts: c.facts, ...(typeof url === 'string' ? { page: url } : {}) };
  });
}

/** Emergency and helpline ids (shared/reference/service-ids.md, section 3). */
export const EMERGENCY_LINES = new Set(['15', '17', '18', '112', '114', '115', '119', '3919', '3114', '3018']);

/**
 * Old and new codes for the same kind of office (shared/reference/service-ids.md): compared
 * as one, on top of what the knowledge catalog already knows.
 */
const ALIASES: Record<string, string> = {
  france_travail: 'pole_emploi',
  france_services: 'msap',
  direccte_ut: 'ddets',
  direccte_ud_travail: 'ddets',
  direccte_ut_travail: 'ddets',
  sip: 'centre_impots',
  fr_renov: 'renovation_info_service',
  point_justice: 'mjd',
  tgi: 'tribunal_judiciaire',
  ti: 'tribunal_judiciaire',
  gendarmerie: 'commissariat_police',
  cias: 'ccas',
};

export function serviceComparer(canonical: (id: string) => string | undefined): (id: string) => string {
  return (id) => {
    const known = canonical(id) ?? id;
    return ALIASES[known] ?? known;
  };
}
