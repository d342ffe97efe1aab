// Turns fiches into intents of the YAML tree format: a long-tail need per fiche that says where
// to go, and a need with follow-up choices per "Recherche guidée".
import { MAX_SITUATIONS, all, child, clean, text, todayNames, type Fiche, type XmlNode } from './fiches';

/** Guided searches can be deep; beyond this many questions, the remaining offices are merged. */
const MAX_DEPTH = 3;
/** Questions and answers must fit three SMS: labels and titles are cut, the full wording stays a synonym. */
const MAX_LABEL = 60;
const MAX_TITLE = 50;
/** A longer list of choices is split: the first ones, then « Autre situation » for the rest. */
const MAX_CHOICES = 6;

const source = (f: Fiche) => ({ fiche: f.id, url: f.url, title: 'Service-Public.fr', date: f.date });

function ficheOutcome(f: Fiche, services = f.services) {
  return {
    services,
    why: "Service-Public.fr explique la démarche selon votre situation.",
    source: source(f),
  };
}

const shorten = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
/** A choice as a phone shows it: without its asides in brackets, cut if still long. */
const choiceLabel = (s: string) => shorten(s.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim(), MAX_LABEL);

/** A long-tail need: one fiche that says where to go. */
export function ficheIntent(f: Fiche) {
  return {
    id: `sp_${f.id.toLowerCase()}`,
    title: shorten(todayNames(f.title), MAX_TITLE),
    keywords: [f.title],
    ...(f.situations.length > 0 ? { synonyms: f.situations } : {}),
    outcome: ficheOutcome(f),
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
export function guideIntent(guide: Fiche, fiches: Map<string, Fiche>) {
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
    const branches = node.fiches.length === 0 && depth < MAX_DEPTH ? node.branches : [];
    const options =
      branches.length > MAX_CHOICES
        ? [...branches.slice(0, MAX_CHOICES - 1), { label: 'Autre situation', fiches: [], branches: branches.slice(MAX_CHOICES - 1) }]
        : branches;
    if (options.length >= 2) {
      const id = `${prefix}_q${++counter}`;
      const question = { text: depth === 0 ? "De quoi s'agit-il ?" : 'Quelle est votre situation ?', choices: [] as { label: string; next: string }[] };
      questions[id] = question; // placed before its sub-questions, so the file reads top-down
      question.choices = options.map((o) => {
        const label = choiceLabel(o.label);
        return { label, ...(label !== o.label ? { synonyms: [o.label] } : {}), next: place(o, depth + 1) };
      });
      return id;
    }
    const found = reachable(node);
    const services = [...new Set(found.flatMap((f) => f.services))];
    const id = `${prefix}_r${++counter}`;
    outcomes[id] = ficheOutcome(found[0], services);
    return id;
  };

  const root: GuideNode = { label: guide.title, fiches: [], branches: problems };
  const start = place(root, 0);
  const labels = problems.map((p) => p.label);
  return {
    id: `sp_guide_${guide.id.toLowerCase()}`,
    title: shorten(todayNames(guide.title), MAX_TITLE),
    keywords: [guide.title],
    synonyms: labels.slice(0, MAX_SITUATIONS),
    ...(start in questions ? { start } : {}),
    ...(Object.keys(questions).length > 0 ? { questions } : {}),
    outcomes,
  };
}
