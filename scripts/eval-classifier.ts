// `npm run eval:classifier`: would a classifier trained on the tuning parts help the matcher?
// A naive Bayes over services (the words of every need's phrases, and the tuning cases of the
// training folds, labelled with the services they expect) re-ranks the matcher's candidates of
// a message the matcher understood: all of them (no margin), or as a vote between the candidates
// within a margin of the first (the matcher unsure). 5-fold cross-validation on the tuning parts
// of test/eval/real and test/eval/labour, the quotes of one page in one fold (a page's other
// quotes would teach its words), the hold-out parts never read. Prints hit@1 of the matcher alone
// and with the classifier, per setting. Measured on 1 and 2 December 2026: docs/accuracy.md.
import { loadBrain } from '../app/runtime';
import { orient } from '../bot/engine/orient';
import { analyze } from '../bot/nlu/analyze';
import type { Matcher } from '../bot/nlu/matcher';
import { loadCases, serviceComparer, type EvalCase } from './eval/cases';
import { score } from './eval/score';
import { intentPhrases, intentServices } from './eval/systems';

const FOLDS = 5;
const TUNING = ['test/eval/real/tuning.yaml', 'test/eval/labour/tuning.yaml'];
/** blend weight, softmax temperature per word, weight of a tuning case against a need's phrases, candidates that may move */
const SETTINGS = [
  { blend: 0.2, temperature: 0.1, caseWeight: 0, margin: Infinity },
  { blend: 0.2, temperature: 0.1, caseWeight: 3, margin: Infinity },
  { blend: 0.3, temperature: 0.1, caseWeight: 10, margin: Infinity },
  { blend: 0.3, temperature: 0.3, caseWeight: 3, margin: Infinity },
  { blend: 0.1, temperature: 0.1, caseWeight: 10, margin: 0.05 },
  { blend: 1, temperature: 0.1, caseWeight: 10, margin: 0.1 },
];
const GENERATED_WEIGHT = 0.3;
const CURATED_WEIGHT = 3;
const SMOOTHING = 0.1;

const { knowledge, registry } = loadBrain();
const { trees, matcher } = registry.current;
const same = serviceComparer((id) => knowledge.canonicalServiceId(id));
const stems = (text: string) => analyze(text).terms.map((t) => t.stem);
const needs = trees.intents.filter((i) => !i.urgent);
const servicesOf = new Map(needs.map((i) => [i, intentServices(i).map(same).slice(0, 2)]));
const phraseDocs = needs.map((i) => ({
  services: servicesOf.get(i)!,
  words: intentPhrases(i).flatMap(stems),
  weight: i.generated ? GENERATED_WEIGHT : CURATED_WEIGHT,
}));

type Setting = (typeof SETTINGS)[number];

/** P(service | message), naive Bayes with a tempered softmax so that it blends smoothly. */
function trainClassifier(train: EvalCase[], setting: Setting): (text: string) => Map<string, number> {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  const add = (services: string[], words: string[], weight: number) => {
    for (const service of services) {
      const bag = counts.get(service) ?? new Map<string, number>();
      counts.set(service, bag);
      for (const w of words) {
        bag.set(w, (bag.get(w) ?? 0) + weight / services.length);
        vocabulary.add(w);
      }
      totals.set(service, (totals.get(service) ?? 0) + (words.length * weight) / services.length);
    }
  };
  for (const doc of phraseDocs) add(doc.services, doc.words, doc.weight);
  for (const kase of train)
    add(
      kase.expect.map(same).filter((s) => s !== 'none'),
      stems(kase.text),
      setting.caseWeight,
    );
  const services = [...counts.keys()];
  return (text) => {
    const words = [...new Set(stems(text))].filter((w) => vocabulary.has(w));
    const logs = services.map((s) =>
      words.reduce((sum, w) => sum + Math.log(((counts.get(s)!.get(w) ?? 0) + SMOOTHING) / (totals.get(s)! + SMOOTHING * vocabulary.size)), 0),
    );
    const max = Math.max(...logs);
    const exps = logs.map((l) => Math.exp((l - max) / (setting.temperature * Math.max(1, words.length))));
    const sum = exps.reduce((a, b) => a + b, 0);
    return new Map(services.map((s, i) => [s, words.length ? exps[i] / sum : 0]));
  };
}

/**
 * The matcher, its candidates within the setting's margin of the first re-ranked by the classifier
 * when it understood the message (refusals unchanged).
 */
function blended(classify: (text: string) => Map<string, number>, setting: Setting): Matcher {
  return {
    match(text, limit = 5) {
      const result = matcher.match(text, 20);
      const top = result.candidates[0];
      const threshold = result.normalized.split(' ').length >= 15 ? 0.47 : 0.62;
      if (!top || top.score < threshold) return { ...result, candidates: result.candidates.slice(0, limit) };
      const p = classify(text);
      const bonus = (c: (typeof result.candidates)[number]) =>
        top.score - c.score > setting.margin ? 0 : setting.blend * Math.max(0, ...(servicesOf.get(c.intent) ?? []).map((s) => p.get(s) ?? 0));
      const candidates = result.candidates.map((c) => ({ ...c, score: c.score + bonus(c) })).sort((a, b) => b.score - a.score);
      return { ...result, candidates: candidates.slice(0, limit) };
    },
  };
}

function hits(cases: EvalCase[], m: Matcher): number {
  return cases.filter((kase) => {
    const r = orient(kase.text, { trees, matcher: m, knowledge });
    return score(kase, { understood: r.understood, urgent: r.urgent, needs: r.needs.map((n) => n.services.map((s) => s.id)) }, same).hit1;
  }).length;
}

const cases = TUNING.flatMap((file) => loadCases(file)).filter((c) => !c.expect.includes('none'));
// a labour query has no page of its own (one dataset): each is its own group
const groups = [...new Set(cases.map((c, i) => c.page ?? `#${i}`))];
const foldOf = new Map(groups.map((g, i) => [g, i % FOLDS]));
const inFold = (f: number) => (c: EvalCase, i: number) => foldOf.get(c.page ?? `#${i}`) === f;
const folds = [...Array(FOLDS).keys()].map((f) => ({ test: cases.filter(inFold(f)), train: cases.filter((c, i) => !inFold(f)(c, i)) }));
console.log(`${cases.length} cas des parties de réglage, validation croisée en ${FOLDS} plis (${groups.length} groupes : une page, ou une requête).`);
console.log(`Appariement seul : hit@1 ${folds.reduce((sum, f) => sum + hits(f.test, matcher), 0)}/${cases.length}`);
for (const setting of SETTINGS) {
  const hit = folds.reduce((sum, f) => sum + hits(f.test, blended(trainClassifier(f.train, setting), setting)), 0);
  console.log(
    `Avec le classifieur (mélange ${setting.blend}, température ${setting.temperature}, poids des cas ${setting.caseWeight}, écart ${setting.margin}) : hit@1 ${hit}/${cases.length}`,
  );
}
