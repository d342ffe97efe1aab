// `npm run eval:rerank`: would a re-ranker of the matcher's first candidates, learnt on the
// tuning parts of test/eval/real and test/eval/labour, help? A listwise logistic regression:
// for each message the matcher understood, a softmax over its first five candidates, pushed
// towards those that name an expected service, over the matcher's own figures (its score,
// the first rank, a generated need, the coverage of the best phrase, the share of the message
// explained). Prints hit@1 of the matcher alone and re-ranked, in 5-fold cross-validation
// (the folds of `npm run eval:classifier`, then 10 fixed shuffles), and the weights learnt on
// every case. The hold-out parts are never read. Measured on 1 December 2026: docs/accuracy.md.
import { loadBrain } from '../app/runtime';
import { orient } from '../bot/engine/orient';
import { understoodThreshold } from '../bot/engine/understand';
import type { Candidate } from '../bot/nlu/matcher';
import { loadCases, serviceComparer } from './eval/cases';
import { intentServices } from './eval/systems';

const TUNING = ['test/eval/real/tuning.yaml', 'test/eval/labour/tuning.yaml'];
const FOLDS = 5;
const SHUFFLES = 10;
const L2 = 0.001;
const STEPS = 600;
const LEARNING_RATE = 0.5;
const DEPTH = 5;
const FEATURES = ['score', 'first', 'generated', 'phrase', 'message'] as const;
type Feature = (typeof FEATURES)[number];
type Weights = Record<Feature, number>;

/** The matcher's figures for one candidate, scaled to about 0..10. */
function featuresOf(candidate: Candidate, rank: number): Weights {
  const parts = candidate.parts ?? { phrase: 0, message: 0, second: 0 };
  return {
    score: 10 * candidate.score,
    first: rank === 0 ? 1 : 0,
    generated: candidate.intent.generated ? 1 : 0,
    phrase: 10 * parts.phrase,
    message: 10 * parts.message,
  };
}

const valueOf = (features: Weights, weights: Weights) => FEATURES.reduce((sum, name) => sum + features[name] * weights[name], 0);

/** One message: whether the matcher understood it, and each first candidate's features and label. */
interface Example {
  understood: boolean;
  candidates: { features: Weights; right: boolean }[];
}

function examples(): Example[] {
  const { knowledge, registry } = loadBrain();
  const { trees, matcher } = registry.current;
  const same = serviceComparer((id) => knowledge.canonicalServiceId(id));
  const cases = TUNING.flatMap((file) => loadCases(file)).filter((c) => !c.expect.includes('none'));
  return cases.map((kase) => {
    const expected = new Set(kase.expect.map(same));
    const { normalized, candidates } = matcher.match(kase.text, DEPTH);
    // the services each need leads to as the bot orients it (merged outcomes, catalog ids)
    const oriented = new Map(orient(kase.text, { trees, matcher, knowledge }).needs.map((n) => [n.id, n.services.map((s) => s.id)]));
    return {
      understood: (candidates[0]?.score ?? 0) >= understoodThreshold(normalized, matcher),
      candidates: candidates.map((c, rank) => ({
        features: featuresOf(c, rank),
        right: (oriented.get(c.intent.id) ?? intentServices(c.intent)).some((s) => expected.has(same(s))),
      })),
    };
  });
}

const vector = (features: Weights) => FEATURES.map((name) => features[name]);

function train(data: Example[]): Weights {
  const w = FEATURES.map((name) => (name === 'score' ? 1 : 0));
  const lists = data
    .filter((e) => e.understood && e.candidates.some((c) => c.right))
    .map((e) => ({ x: e.candidates.map((c) => vector(c.features)), right: e.candidates.map((c) => c.right) }));
  for (let step = 0; step < STEPS; step++) {
    const gradient = w.map(() => 0);
    for (const list of lists) {
      const z = list.x.map((x) => x.reduce((sum, v, i) => sum + v * w[i], 0));
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const total = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / total);
      const rightMass = p.reduce((sum, q, j) => sum + (list.right[j] ? q : 0), 0);
      list.x.forEach((x, j) => {
        const push = (list.right[j] ? p[j] / rightMass : 0) - p[j];
        x.forEach((v, i) => (gradient[i] += push * v));
      });
    }
    w.forEach((_, i) => (w[i] += LEARNING_RATE * (gradient[i] / lists.length - L2 * w[i])));
  }
  return Object.fromEntries(FEATURES.map((name, i) => [name, Math.round(w[i] * 1000) / 1000])) as Weights;
}

/** Messages whose first need, in the given order, names an expected service. */
function hits(data: Example[], weights?: Weights): number {
  return data.filter((e) => {
    if (!e.understood || e.candidates.length === 0) return false;
    const value = (c: Example['candidates'][number]) => (weights ? valueOf(c.features, weights) : -e.candidates.indexOf(c));
    return e.candidates.reduce((best, c) => (value(c) > value(best) ? c : best)).right;
  }).length;
}

function crossValidated(data: Example[], order: number[]): number {
  let total = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const test = order.filter((_, i) => i % FOLDS === fold).map((i) => data[i]);
    const rest = order.filter((_, i) => i % FOLDS !== fold).map((i) => data[i]);
    total += hits(test, train(rest));
  }
  return total;
}

/** A fixed shuffle (a linear congruential generator), so that every run prints the same figures. */
function shuffled(n: number, seed: number): number[] {
  const order = [...Array(n).keys()];
  let state = seed;
  for (let i = n - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

const data = examples();
const n = data.length;
console.log(`${n} cas des parties de réglage (${TUNING.join(', ')}).`);
console.log(`Appariement seul : hit@1 ${hits(data)}/${n}`);
console.log(`Reclassé, validation croisée en ${FOLDS} plis : hit@1 ${crossValidated(data, [...Array(n).keys()])}/${n}`);
const shuffles = [...Array(SHUFFLES).keys()].map((s) => crossValidated(data, shuffled(n, s + 1)));
console.log(
  `Reclassé, ${SHUFFLES} tirages de ${FOLDS} plis : hit@1 ${(shuffles.reduce((a, b) => a + b, 0) / SHUFFLES).toFixed(1)}/${n} (de ${Math.min(...shuffles)} à ${Math.max(...shuffles)})`,
);
const weights = train(data);
console.log(`Reclassé, appris sur tous les cas : hit@1 ${hits(data, weights)}/${n}`, weights);
