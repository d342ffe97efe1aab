// Names of bodies and services that no longer exist, and the markup a menu or an SMS would
// show raw. One list for the import (which writes today's name) and for the checks (which
// refuse the old one in any text a person reads). A name written after « ex- » is allowed:
// « Akto (ex-Agefos PME) » helps people who know only the old one.

export interface ObsoleteName {
  pattern: RegExp;
  /** today's name, when one body simply took over */
  today: string;
  /** when it changed, for the agent reading the message */
  since: string;
}

export const OBSOLETE_NAMES: ObsoleteName[] = [
  { pattern: /p[ôo]le[ -]emploi/gi, today: 'France Travail', since: '2024' },
  { pattern: /maisons? de services au public|\bMSAP\b/gi, today: 'France Services', since: '2020' },
  { pattern: /\bhuissiers?( de justice)?\b/gi, today: 'commissaire de justice', since: '2022' },
  { pattern: /\bAgefos[ -]PME\b/gi, today: 'Akto', since: '2019' },
  {
    pattern: /\bCMU[ -]C\b|\bCMU compl[ée]mentaire\b|couverture maladie universelle compl[ée]mentaire/gi,
    today: 'Complémentaire santé solidaire',
    since: '2019',
  },
  { pattern: /\bDireccte\b/gi, today: 'DDETS (travail) ou DREETS (économie)', since: '2021' },
  { pattern: /\bDDCS(PP)?\b/g, today: 'DDETS, DDPP ou SDJES selon le rôle', since: '2021' },
  { pattern: /\bDRJSCS\b/g, today: 'DREETS ou SDJES selon le rôle', since: '2021' },
  { pattern: /\bPact\b/g, today: 'Soliha', since: '2015' },
  { pattern: /tribunal de grande instance|tribunal d'instance|\bTGI\b/gi, today: 'tribunal judiciaire', since: '2020' },
  { pattern: /pré-plainte en ligne/gi, today: 'Plainte en ligne', since: '2024' },
  { pattern: /régime social des indépendants|\bRSI\b/g, today: 'Urssaf et Assurance maladie', since: '2020' },
];

/** Markup that a menu, a button or an SMS would print as is. */
const RAW_MARKUP = /\*\*|__|`|<\/?[a-z][^>]*>/i;

export interface NameProblem {
  found: string;
  message: string;
}

/** Every obsolete name or raw markup in a text people read, with what to write instead. */
export function displayProblems(text: string): NameProblem[] {
  const problems: NameProblem[] = [];
  for (const { pattern, today, since } of OBSOLETE_NAMES) {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
      const before = text.slice(Math.max(0, match.index - 12), match.index);
      if (/\bex[- ]$|anciennement $/i.test(before)) continue;
      problems.push({
        found: match[0],
        message: `« ${match[0]} » n'existe plus sous ce nom depuis ${since} : écrivez « ${today} » (ou « ${today} (ex-${match[0]}) »).`,
      });
    }
  }
  const markup = text.match(RAW_MARKUP);
  if (markup)
    problems.push({ found: markup[0], message: `« ${markup[0]} » est une mise en forme qui s'afficherait telle quelle dans un menu ou un SMS : retirez-la.` });
  return problems;
}
