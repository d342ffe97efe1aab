import type { Intent, Trees } from '../../bot/trees/types';
import { featureIndexes, NONE, scaleOf, type ModelFile, type WordClasses } from '../../bot/safety/model';
import { detectorWords } from '../../bot/safety/words';
import type { EmergencyCase } from '../eval/emergencies';

// Training of the safety model (bot/safety/model.ts): multinomial logistic regression by
// stochastic gradient descent, seeded, so that the same data give the same model.

/** The urgent need that answers each situation of the emergency set (test/eval/emergencies/README.md). */
export const SITUATION_INTENT: Record<string, string> = {
  suicidal: 'pensees_suicidaires',
  medical_collapse: 'urgence_medicale',
  chest_pain: 'urgence_medicale',
  stroke: 'urgence_medicale',
  poisoning: 'empoisonnement',
  sleeping_outside_tonight: 'sans_abri_ce_soir',
  fire: 'incendie_accident',
  gas: 'fuite_gaz',
  domestic_violence_talk: 'violences_conjugales',
  domestic_violence_now: 'violences_conjugales_maintenant',
  cyber_harassment_young: 'cyberharcelement_jeune',
  child_runaway: 'enfant_disparu',
  child_in_danger: 'enfant_en_danger',
  sexual_assault_recent: 'violences_sexuelles',
  weapon: 'danger_immediat',
  violence_now: 'danger_immediat',
  threat_to_kill: 'danger_immediat',
  assault: 'danger_immediat',
  deaf_person: 'sourd_malentendant',
};

export interface Example {
  words: string[];
  label: string;
  /** how much the example counts: real messages more than the vocabulary's phrases */
  weight: number;
}

export const REAL_WEIGHT = 3;
/** The probability of no emergency when a message holds no word the model knows. */
const NONE_PRIOR = 0.95;

/** A real case of the emergency set as an example, or undefined when its situation has no urgent need. */
export function caseExample(kase: EmergencyCase): Example | undefined {
  const label = kase.emergency ? SITUATION_INTENT[kase.situation ?? ''] : NONE;
  return label ? { words: detectorWords(kase.text), label, weight: REAL_WEIGHT } : undefined;
}

/** A signal's words without its syntax: « il m a frapp* & @arme » -> il m a frapp. */
const signalWords = (text: string): string[] =>
  detectorWords(
    text
      .split(/[\s&|]+/)
      .filter((word) => !word.startsWith('@'))
      .join(' ')
      .replace(/\*/g, ''),
  );

/**
 * Examples from the trees: each urgent need's signals and examples under its id, its
 * not-signals and the past, figurative and question phrases as none, and the examples of the
 * ordinary needs as none (the messages the bot is mostly sent).
 */
export function treeExamples(trees: Trees): Example[] {
  const of = (texts: string[], label: string, toWords = detectorWords): Example[] =>
    texts.map((text) => ({ words: toWords(text), label, weight: 1 })).filter((e) => e.words.length > 0);
  const urgent = trees.intents.filter((i: Intent) => i.urgent);
  const ordinary = trees.intents.filter((i: Intent) => !i.urgent && !i.generated);
  const { past, figurative, question } = trees.safety;
  return [
    ...urgent.flatMap((i) => [
      ...of(
        [...i.signals, ...i.unsureSignals].map((s) => s.text),
        i.id,
        signalWords,
      ),
      ...of(i.examples, i.id),
    ]),
    ...urgent.flatMap((i) =>
      of(
        i.notSignals.map((s) => s.text),
        NONE,
        signalWords,
      ),
    ),
    ...of(
      [...past, ...figurative, ...question].map((s) => s.text),
      NONE,
      signalWords,
    ),
    ...ordinary.flatMap((i) => of(i.examples, NONE)),
  ];
}

export interface TrainOptions {
  dims: number;
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

export const DEFAULTS: TrainOptions = { dims: 1 << 14, epochs: 30, rate: 1, l2: 1e-5, seed: 10 };

/** A small seeded generator (mulberry32): the same folds and the same order on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function train(examples: Example[], options: TrainOptions = DEFAULTS, classes?: WordClasses): ModelFile {
  const labels = [NONE, ...[...new Set(examples.map((e) => e.label))].filter((l) => l !== NONE).sort()];
  const k = labels.length;
  const weights = new Float64Array(options.dims * k);
  const counts = labels.map((label) => examples.filter((e) => e.label === label).reduce((sum, e) => sum + e.weight, 0));
  const total = counts.reduce((a, b) => a + b, 0);
  // The bias stays a prior: NONE_PRIOR for none, the rest shared as in the examples. A message
  // with no word the model knows is read as the messages the bot gets mostly are: no emergency.
  const urgentTotal = total - counts[0];
  const bias = Float64Array.from(counts, (c, j) => Math.log(j === 0 ? NONE_PRIOR : ((1 - NONE_PRIOR) * (c + 1)) / (urgentTotal + k)));
  const prepared = examples.map((e) => ({ indexes: featureIndexes(e.words, options.dims, classes), y: labels.indexOf(e.label), weight: e.weight }));
  const random = seeded(options.seed);
  const logits = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.rate / (1 + epoch * 0.2);
    for (const { indexes, y, weight } of shuffle(prepared, random)) {
      if (indexes.length === 0) continue;
      const scale = scaleOf(indexes.length);
      logits.set(bias);
      for (const index of indexes) for (let j = 0; j < k; j++) logits[j] += weights[index * k + j] * scale;
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, logits[j]);
      let sum = 0;
      for (let j = 0; j < k; j++) sum += logits[j] = Math.exp(logits[j] - max);
      for (let j = 0; j < k; j++) {
        const gradient = (logits[j] / sum - (j === y ? 1 : 0)) * weight * rate;
        for (const index of indexes) {
          const at = index * k + j;
          weights[at] -= gradient * scale + rate * options.l2 * weights[at];
        }
      }
    }
  }
  const rows: Record<string, number[]> = {};
  for (let f = 0; f < options.dims; f++) {
    const row = Array.from(weights.subarray(f * k, (f + 1) * k), (w) => Math.round(w * 1e4) / 1e4);
    if (row.some((w) => w !== 0)) rows[f] = row;
  }
  return { labels, dims: options.dims, bias: Array.from(bias, (b) => Math.round(b * 1e4) / 1e4), rows };
}
