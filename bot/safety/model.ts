import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signalWords } from './pattern';
import { single } from './words';

// A story-level statistical model beside the signals: a linear classifier over the message's
// word stems and pairs of stems, hashed, that says which emergency situation a message tells,
// or none. Signals follow the wording they were written from; stems and pairs of stems carry
// over to wording no one has written a signal for (« il a bu la javel » like « a avalé du
// produit »). Trained by `npm run train:safety` (scripts/safety/), shipped as model.json so
// that nothing is trained at start-up. It only names a situation: what the bot answers stays
// the urgent need's outcome in dialogs/urgences.yaml.

/** The trained model, as model.json stores it: weight rows only for features seen in training. */
export interface ModelFile {
  /** what the model predicts: NONE, or the id of an urgent need */
  labels: string[];
  /** the number of hashed features (a power of two) */
  dims: number;
  bias: number[];
  /** feature index -> one weight per label */
  rows: Record<string, number[]>;
}

export interface SafetyModel {
  labels: string[];
  dims: number;
  bias: Float32Array;
  /** feature-major: the weights of feature f are weights[f * labels.length ...] */
  weights: Float32Array;
}

export const NONE = 'none';
/** The language of the stories the model was trained on: it reads no other. */
export const MODEL_LANG = 'fr';

/** Folded words longer than this are cut to it: « frappé », « frapper », « frappait » are one stem. */
const STEM = 5;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Endings hash apart from stems (« -ait » is not the word « ait »). */
const ENDING_OFFSET = 0x7654321;

function stemHash(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length && i < STEM; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** A long word's last three letters: tense and person (« -ait », « -ons »), shared by every verb. */
function endHash(word: string): number {
  let hash = ENDING_OFFSET;
  for (let i = word.length - 3; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * The word groups of dialogs/urgences.yaml (« @frapper », « @toxique »...) as features: a word of a
 * group stands for all of them, so « il a bu du destop » learns from « il a avalé de la javel ».
 */
export interface WordClasses {
  exact: Map<string, number[]>;
  /** word beginnings, by their first PREFIX letters */
  prefixes: Map<string, { prefix: string; hash: number }[]>;
}

const PREFIX = 3;
/**
 * Words read at most: a story tells its situation well before (the real texts it is trained on
 * are under 400 characters, some 70 words), and the detector's cost per message stays bounded.
 */
const MAX_WORDS = 150;
/** First code after the Latin letters (Latin Extended-B): Han, Arabic, Cyrillic... words come after. */
const LATIN_END = 0x250;

export function wordClasses(groups: Map<string, string[]>): WordClasses {
  const classes: WordClasses = { exact: new Map(), prefixes: new Map() };
  for (const [name, words] of groups) {
    const hash = stemHash(`@${name}`);
    for (const written of words) {
      const bare = single(signalWords(written.replace(/\*$/, '')).join(' '));
      if (written.endsWith('*') && bare.length >= PREFIX) {
        const bucket = bare.slice(0, PREFIX);
        classes.prefixes.set(bucket, [...(classes.prefixes.get(bucket) ?? []), { prefix: bare, hash }]);
      } else classes.exact.set(bare, [...new Set([...(classes.exact.get(bare) ?? []), hash])]);
    }
  }
  return classes;
}

function pushClasses(indexes: number[], word: string, classes: WordClasses, mask: number): void {
  for (const hash of classes.exact.get(word) ?? []) indexes.push(hash & mask);
  if (word.length < PREFIX) return;
  for (const { prefix, hash } of classes.prefixes.get(word.slice(0, PREFIX)) ?? []) if (word.startsWith(prefix)) indexes.push(hash & mask);
}

/** The feature indexes of a message's words (as the detector reads them): each stem, each pair of stems in a row, each long word's ending, each word's groups. */
export function featureIndexes(words: string[], dims: number, classes?: WordClasses): number[] {
  const mask = dims - 1;
  const indexes: number[] = [];
  let previous = FNV_OFFSET;
  for (let at = 0; at < words.length && at < MAX_WORDS; at++) {
    const word = words[at];
    // trained on French only (MODEL_LANG): other scripts are left to the signals written for them
    if (word.charCodeAt(0) >= LATIN_END) continue;
    const hash = stemHash(word);
    indexes.push(hash & mask);
    if (classes) pushClasses(indexes, word, classes, mask);
    if (word.length > STEM) indexes.push(endHash(word) & mask);
    indexes.push(((Math.imul(previous ^ 0x9e3779b9, FNV_PRIME) ^ hash) >>> 7) & mask);
    previous = hash;
  }
  return distinct(indexes, dims);
}

/** Which features were already seen in the current message: a stamp per feature, so that no set is built per message. */
let stamps = new Uint32Array(0);
let stamp = 0;

/** Each feature once: a word repeated a thousand times (« bonjour bonjour... ») says no more than once. */
function distinct(indexes: number[], dims: number): number[] {
  if (stamps.length !== dims || stamp === 0xffffffff) {
    stamps = new Uint32Array(dims);
    stamp = 0;
  }
  stamp++;
  let kept = 0;
  for (const index of indexes) {
    if (stamps[index] === stamp) continue;
    stamps[index] = stamp;
    indexes[kept++] = index;
  }
  indexes.length = kept;
  return indexes;
}

/**
 * Features are summed and scaled by 1/sqrt(count), so that length does not count; but never as
 * if there were fewer than MIN_FEATURES: two or three words alone (« bonjour ») are too little
 * evidence to be sure of anything.
 */
export const scaleOf = (count: number): number => 1 / Math.sqrt(Math.max(count, MIN_FEATURES));
const MIN_FEATURES = 12;

/** Each label's probability (softmax of the linear scores, features scaled by scaleOf). */
export function probabilities(model: SafetyModel, indexes: number[]): Float64Array {
  const k = model.labels.length;
  const logits = new Float64Array(k);
  for (const index of indexes) {
    const row = index * k;
    for (let j = 0; j < k; j++) logits[j] += model.weights[row + j];
  }
  const scale = scaleOf(indexes.length);
  let max = -Infinity;
  for (let j = 0; j < k; j++) max = Math.max(max, (logits[j] = logits[j] * scale + model.bias[j]));
  let sum = 0;
  for (let j = 0; j < k; j++) sum += logits[j] = Math.exp(logits[j] - max);
  for (let j = 0; j < k; j++) logits[j] /= sum;
  return logits;
}

export interface Situation {
  /** the most likely urgent need */
  label: string;
  /** the probability that the message tells an emergency at all: 1 - P(none) */
  emergency: number;
}

export function situationOf(model: SafetyModel, words: string[], classes?: WordClasses): Situation {
  const p = probabilities(model, featureIndexes(words, model.dims, classes));
  let best = -1;
  for (let j = 0; j < p.length; j++) if (model.labels[j] !== NONE && (best < 0 || p[j] > p[best])) best = j;
  const none = model.labels.indexOf(NONE);
  return { label: model.labels[best], emergency: 1 - (none >= 0 ? p[none] : 0) };
}

export function fromFile(file: ModelFile): SafetyModel {
  const k = file.labels.length;
  const weights = new Float32Array(file.dims * k);
  for (const [index, row] of Object.entries(file.rows)) weights.set(row, Number(index) * k);
  return { labels: file.labels, dims: file.dims, bias: Float32Array.from(file.bias), weights };
}

export const MODEL_PATH = join(__dirname, 'model.json');
let shipped: SafetyModel | null | undefined;

/** The model shipped with the code; null before the first `npm run train:safety`. */
export function shippedModel(): SafetyModel | null {
  if (shipped === undefined) shipped = existsSync(MODEL_PATH) ? fromFile(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile) : null;
  return shipped;
}
