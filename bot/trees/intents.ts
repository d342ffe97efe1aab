import type { Node } from 'yaml';
import type { TreeProblem } from './loader';
import { closest, type FileContext, fieldNode, nodePos, type Plain, problem } from './shape';
import type { Intent, Position, Signal, TreeChoice, TreeOutcome, TreeQuestion } from './types';

// One need of a tree file, built from its checked YAML, with the checks that need the whole
// need (ids used twice, answers that lead nowhere, unknown services).

export type { Plain };

const ID_PATTERN = /^[a-z0-9][a-z0-9_]*$/;

interface Sub {
  node: Node;
  value: Plain;
}

export function buildIntent(ctx: FileContext, node: Node, data: Plain, theme: string, generated: boolean): Intent | undefined {
  const pos = nodePos(ctx, node);
  const id = String(data.id ?? '');
  const before = ctx.problems.length;
  const report = (where: Node | Position, message: string, severity: TreeProblem['severity'] = 'error') =>
    ctx.problems.push(problem('file' in where ? where : nodePos(ctx, where), severity, `besoin « ${id} » : ${message}`));

  if (id && !ID_PATTERN.test(id)) report(pos, `l'identifiant doit être en minuscules, sans accent ni espace (utilisez « _ »).`);

  const strings = (key: string) => (data[key] as string[] | undefined) ?? [];
  const questions: Record<string, TreeQuestion> = {};
  const outcomes: Record<string, TreeOutcome> = {};
  const nodeIds = new Map<string, Node>();
  const claim = (nodeId: string, where: Node) => {
    if (nodeIds.has(nodeId)) report(where, `l'identifiant « ${nodeId} » est utilisé deux fois (questions et résultats partagent les mêmes identifiants).`);
    nodeIds.set(nodeId, where);
  };

  for (const entry of (data.questions as (Sub & { id: string })[] | undefined) ?? []) {
    claim(entry.id, entry.node);
    const choices: TreeChoice[] = ((entry.value.choices as Sub[] | undefined) ?? []).map((c) => ({
      label: String(c.value.label ?? ''),
      synonyms: (c.value.synonyms as string[] | undefined) ?? [],
      next: String(c.value.next ?? ''),
      pos: nodePos(ctx, fieldNode(c.value, 'next', c.node)),
    }));
    if (choices.length < 2) report(entry.node, `la question « ${entry.id} » doit proposer au moins 2 réponses.`);
    questions[entry.id] = { id: entry.id, text: String(entry.value.text ?? ''), choices, pos: nodePos(ctx, entry.node) };
  }

  const outcomeEntries = ((data.outcomes as (Sub & { id: string })[] | undefined) ?? []).slice();
  const single = data.outcome as Sub | undefined;
  if (single) outcomeEntries.push({ id: 'resultat', node: single.node, value: single.value });
  for (const entry of outcomeEntries) {
    claim(entry.id, entry.node);
    const outcome = buildOutcome(ctx, entry, report);
    if (outcome) outcomes[entry.id] = outcome;
  }

  if (single && (data.questions || data.outcomes))
    report(pos, `utilisez soit « outcome » (un seul résultat), soit « questions » et « outcomes », pas les deux.`);
  if (!single && outcomeEntries.length === 0) report(pos, `il faut au moins un résultat (« outcome » ou « outcomes »).`);
  const signals = (data.signals as Signal[] | undefined) ?? [];
  const unsureSignals = (data.unsure_signals as Signal[] | undefined) ?? [];
  const notSignals = (data.not_signals as Signal[] | undefined) ?? [];
  const urgent = data.urgent === true || Object.values(outcomes).some((o) => o.urgent);
  const phrases = ['keywords', 'synonyms', 'situations', 'examples'].reduce((sum, key) => sum + strings(key).length, 0);
  if (urgent) {
    // An emergency is found by the detector (bot/safety), apart from the need matcher, never by a phrase score.
    if (phrases > 0)
      report(pos, `un besoin urgent est reconnu par ses « signals » seulement : déplacez ses « keywords », « synonyms » et « examples » dans « signals ».`);
    if (signals.length === 0) report(pos, `un besoin urgent doit avoir des « signals » : les situations qui font donner ses numéros.`);
  } else {
    if (signals.length + unsureSignals.length + notSignals.length > 0)
      report(pos, `seul un besoin urgent (« urgent: true ») a des « signals » ; pour un besoin ordinaire, écrivez des « keywords » ou des « examples ».`);
    if (phrases === 0) report(pos, `rien ne permet de reconnaître ce besoin : ajoutez des « keywords », « synonyms » ou « examples ».`);
  }

  const firstQuestion = Object.keys(questions)[0];
  const start = (data.start as string | undefined) ?? firstQuestion ?? (single ? 'resultat' : Object.keys(outcomes)[0]);
  if (start && !nodeIds.has(start)) report(pos, `« start: ${start} » ne correspond à aucune question ni aucun résultat de ce besoin.`);

  for (const question of Object.values(questions)) {
    question.choices.forEach((choice, i) => {
      if (!nodeIds.has(choice.next)) {
        const hint = closest(choice.next, [...nodeIds.keys()]);
        report(
          choice.pos,
          `la réponse ${i + 1} (« ${choice.label} ») de la question « ${question.id} » mène à « ${choice.next} », qui n'existe pas.${hint ? ` Vouliez-vous écrire « ${hint} » ?` : ''}`,
        );
      }
    });
  }

  if (ctx.problems.length > before && ctx.problems.slice(before).some((p) => p.severity === 'error')) return undefined;
  return {
    id,
    title: String(data.title ?? ''),
    theme,
    keywords: strings('keywords'),
    synonyms: strings('synonyms'),
    situations: strings('situations'),
    examples: strings('examples'),
    exclude: strings('exclude'),
    urgent,
    signals,
    unsureSignals,
    notSignals,
    start,
    questions,
    outcomes,
    generated,
    pos,
  };
}

function buildOutcome(
  ctx: FileContext,
  entry: Sub & { id: string },
  report: (where: Node, message: string, severity?: TreeProblem['severity']) => void,
): TreeOutcome | undefined {
  const value = entry.value;
  const services: string[] = [];
  const servicesNode = fieldNode(value, 'services', entry.node);
  for (const id of (value.services as string[] | undefined) ?? []) {
    const canonical = ctx.knowledge.canonicalServiceId(id);
    if (!canonical) {
      report(
        servicesNode,
        `le résultat « ${entry.id} » nomme le service « ${id} », qui est inconnu. Utilisez un identifiant de la liste des services (knowledge/catalog/services.yaml).`,
      );
    } else services.push(id);
  }
  if ((value.services as string[] | undefined)?.length === 0) report(entry.node, `le résultat « ${entry.id} » doit nommer au moins un service.`);
  const source = (value.source as Sub | undefined)?.value;
  if (source && !source.fiche && !source.url && !source.title) {
    report(fieldNode(value, 'source', entry.node), `la source du résultat « ${entry.id} » doit donner une fiche, une adresse (url) ou un titre.`);
  }
  const online = (value.online as Sub | undefined)?.value;
  if (online && !/^https:\/\//.test(String(online.url)))
    report(fieldNode(value, 'online', entry.node), `l'adresse de la démarche en ligne doit commencer par https://.`);
  if (!source) return undefined;
  return {
    id: entry.id,
    services,
    why: String(value.why ?? ''),
    bring: (value.bring as string[] | undefined) ?? [],
    online: online ? { label: String(online.label), url: String(online.url) } : undefined,
    source: {
      fiche: source.fiche as string | undefined,
      url: source.url as string | undefined,
      title: source.title as string | undefined,
      date: String(source.date),
      ...(source.verified ? { verified: String(source.verified) } : {}),
    },
    urgent: value.urgent === true,
    askCommune: value.ask_commune === true,
    pos: nodePos(ctx, entry.node),
  };
}

/** A need built in code rather than read from a tree: the fields given, every list of phrases or signals empty. */
export function bareIntent(fields: Pick<Intent, 'id' | 'title' | 'theme' | 'start' | 'generated' | 'pos'> & Partial<Intent>): Intent {
  return {
    keywords: [],
    synonyms: [],
    situations: [],
    examples: [],
    exclude: [],
    urgent: false,
    signals: [],
    unsureSignals: [],
    notSignals: [],
    questions: {},
    outcomes: {},
    ...fields,
  };
}
