// Turns fiches into intents of the YAML tree format: a long-tail need per fiche that says where
// to go, and a need with follow-up choices per "Recherche guidée".
import { foldText } from '../../knowledge/text';
import { MAX_SITUATIONS, all, child, clean, text, todayNames, type Fiche, type XmlNode } from './fiches';

/** Guided searches can be deep; beyond this many questions, the remaining offices are merged. */
const MAX_DEPTH = 3;
/** Questions and answers must fit three SMS: labels and titles are cut, the full wording stays a synonym. */
const MAX_LABEL = 60;
const MAX_TITLE = 60;
/** A longer list of choices is split: the first ones, then « Autre situation » for the rest. */
const MAX_CHOICES = 6;

const source = (f: Fiche) => ({ fiche: f.id, url: f.url, title: 'Service-Public.fr', date: f.date });

function ficheOutcome(f: Fiche, services = f.services) {
  return {
    services,
    why: 'Service-Public.fr explique la démarche selon votre situation.',
    source: source(f),
  };
}

interface Nodes {
  questions: Record<string, unknown>;
  outcomes: Record<string, unknown>;
  /** a fresh node id: `${prefix}_${kind}${n}` */
  next(kind: 'q' | 'r'): string;
}

/**
 * Where the fiches send people, situations kept apart: one outcome when every situation goes
 * to the same offices, otherwise a question « Quelle est votre situation ? » with one outcome
 * per situation (offices named outside any situation apply to all). Returns the node id.
 */
function whereToGo(found: Fiche[], nodes: Nodes): string {
  const general = [...new Set(found.flatMap((f) => f.offices.filter((o) => !o.situation).map((o) => o.service)))];
  const bySituation = new Map<string, { label: string; services: string[] }>();
  for (const office of found.flatMap((f) => f.offices.filter((o) => o.situation))) {
    const label = choiceLabel(todayNames(office.situation!));
    const key = foldText(label);
    const entry = bySituation.get(key) ?? { label, services: [] };
    if (!entry.services.includes(office.service)) entry.services.push(office.service);
    bySituation.set(key, entry);
  }
  const situations = [...bySituation.values()].map((s) => ({ label: s.label, services: [...new Set([...s.services, ...general])] }));
  const distinct = new Set(situations.map((s) => s.services.join(' ')));
  if (situations.length < 2 || distinct.size < 2) {
    const id = nodes.next('r');
    nodes.outcomes[id] = ficheOutcome(found[0], [...new Set(found.flatMap((f) => f.services))]);
    return id;
  }
  const shown =
    situations.length > MAX_CHOICES
      ? [
          ...situations.slice(0, MAX_CHOICES - 1),
          { label: 'Autre situation', services: [...new Set(situations.slice(MAX_CHOICES - 1).flatMap((s) => s.services))] },
        ]
      : situations;
  const id = nodes.next('q');
  const question = { text: 'Quelle est votre situation ?', choices: [] as { label: string; next: string }[] };
  nodes.questions[id] = question;
  question.choices = shown.map((s) => {
    const outcome = nodes.next('r');
    nodes.outcomes[outcome] = ficheOutcome(found[0], s.services);
    return { label: s.label, next: outcome };
  });
  return id;
}

function nodeSet(prefix: string): Nodes {
  let counter = 0;
  return { questions: {}, outcomes: {}, next: (kind) => `${prefix}_${kind}${++counter}` };
}

/** Cut before `max` characters at the end of a whole word, with « … » to show it was cut. */
function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const words = s.slice(0, max).split(' ');
  if (words.length > 1) words.pop();
  // a cut never ends on « de », « et », « la »...: the last word must carry meaning
  while (
    words.length > 1 &&
    /^(de|du|des|d'.*|la|le|les|l'.*|à|au|aux|et|ou|en|pour|par|sur|un|une|dans|avec|son|sa|ses|qu'un|qu'une)$/i.test(words[words.length - 1])
  )
    words.pop();
  return `${words.join(' ').replace(/[\s,;:'’(-]+$/, '')}…`;
}

/**
 * A title a person reads in a menu: today's names, no markup, and when too long the part
 * before a colon or a bracket (« Carte d'identité d'un majeur : première demande » keeps
 * both parts when they fit); otherwise cut at the last whole word, never mid-word.
 */
export function shortTitle(raw: string): string {
  const title = todayNames(raw)
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (title.length <= MAX_TITLE) return title;
  const withoutAside = title.replace(/\s*\([^)]*\)/g, '').trim();
  if (withoutAside.length <= MAX_TITLE) return withoutAside;
  const head = withoutAside.split(/\s[:–-]\s/)[0];
  if (head.length <= MAX_TITLE && head.length >= 15) return head;
  return cutAtWord(withoutAside, MAX_TITLE);
}
/** A choice as a phone shows it: without its asides in brackets, cut if still long. */
const choiceLabel = (s: string) =>
  cutAtWord(
    s
      .replace(/\s*\([^)]*\)/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    MAX_LABEL,
  );

/** A long-tail need: one fiche that says where to go. */
export function ficheIntent(f: Fiche) {
  const nodes = nodeSet(f.id.toLowerCase());
  const start = whereToGo([f], nodes);
  const single = start in nodes.outcomes;
  return {
    id: `sp_${f.id.toLowerCase()}`,
    title: shortTitle(f.title),
    keywords: [f.title],
    ...(f.situations.length > 0 ? { situations: f.situations } : {}),
    ...(single ? { outcome: nodes.outcomes[start] } : { start, questions: nodes.questions, outcomes: nodes.outcomes }),
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
  // Node ids are specific to the guide: the engine reuses an answer given to a question
  // with the same id in another need, which only curated trees intend.
  const nodes = nodeSet(guide.id.toLowerCase());
  const { questions, outcomes } = nodes;
  // Returns the id of the node a choice leads to: an outcome, or a question for its branches.
  const place = (node: GuideNode, depth: number): string => {
    // A node that links fiches itself and also branches is answered with everything it reaches.
    const branches = node.fiches.length === 0 && depth < MAX_DEPTH ? node.branches : [];
    const options =
      branches.length > MAX_CHOICES
        ? [...branches.slice(0, MAX_CHOICES - 1), { label: 'Autre situation', fiches: [], branches: branches.slice(MAX_CHOICES - 1) }]
        : branches;
    if (options.length >= 2) {
      const id = nodes.next('q');
      const question = { text: depth === 0 ? "De quoi s'agit-il ?" : 'Quelle est votre situation ?', choices: [] as { label: string; next: string }[] };
      questions[id] = question; // placed before its sub-questions, so the file reads top-down
      question.choices = options.map((o) => {
        const label = choiceLabel(o.label);
        return { label, ...(label !== o.label ? { synonyms: [o.label] } : {}), next: place(o, depth + 1) };
      });
      return id;
    }
    return whereToGo(reachable(node), nodes);
  };

  const root: GuideNode = { label: guide.title, fiches: [], branches: problems };
  const start = place(root, 0);
  const labels = problems.map((p) => p.label);
  return {
    id: `sp_guide_${guide.id.toLowerCase()}`,
    title: shortTitle(guide.title),
    keywords: [guide.title],
    situations: labels.slice(0, MAX_SITUATIONS),
    ...(start in questions ? { start } : {}),
    ...(Object.keys(questions).length > 0 ? { questions } : {}),
    outcomes,
  };
}
