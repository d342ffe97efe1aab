import { emergencyDetector } from '../../bot/safety/detector';
import { featureIndexes, fromFile, NONE, situationOf } from '../../bot/safety/model';
import { ASK, SURE, weigh } from '../../bot/safety/weigh';
import { detectorWords } from '../../bot/safety/words';
import { train } from '../../scripts/safety/train';
import { bundledContext } from '../helpers/brain';

// The statistical model beside the signals (bot/safety/model.ts, weigh.ts), with small models
// trained here, so that what is checked does not move when the shipped model is retrained.

const DIMS = 1 << 10;
const toy = () =>
  fromFile(
    train(
      [
        ...['le plafond craque et le balcon penche au-dessus de la terrasse', 'le balcon penche de plus en plus, le plafond craque'].map((text) => ({
          words: detectorWords(text),
          label: 'danger_immediat',
          weight: 3,
        })),
        ...['je cherche les horaires de la mairie pour ma carte', 'comment renouveler ma carte vitale perdue'].map((text) => ({
          words: detectorWords(text),
          label: NONE,
          weight: 3,
        })),
      ],
      { dims: DIMS, epochs: 40, rate: 1, l2: 0, seed: 1 },
    ),
  );

describe('the model reads a story as a whole', () => {
  test('training is seeded: the same examples give the same model', () => {
    expect(toy().weights).toEqual(toy().weights);
  });

  test('it names the situation of wording close to what it learnt, and none for an ordinary request', () => {
    const model = toy();
    const story = situationOf(model, detectorWords('le balcon penche, le plafond craque'));
    expect(story.label).toBe('danger_immediat');
    expect(story.emergency).toBeGreaterThan(situationOf(model, detectorWords('les horaires de la mairie pour ma carte')).emergency);
  });

  test('a word repeated a thousand times counts once, and a very long message is read up to a bound', () => {
    const once = featureIndexes(detectorWords('bonjour'), DIMS);
    expect(featureIndexes(detectorWords('bonjour '.repeat(1000)), DIMS)).toEqual([
      ...once,
      ...featureIndexes(detectorWords('bonjour bonjour'), DIMS).slice(once.length),
    ]);
    const long = detectorWords('il était une fois un petit chat '.repeat(2000));
    expect(featureIndexes(long, DIMS).length).toBeLessThan(50);
  });

  test('words of other scripts are left to the signals written for them', () => {
    expect(featureIndexes(detectorWords('我想换法国驾照'), DIMS)).toEqual([]);
  });
});

describe('the signals and the model together', () => {
  const { trees } = bundledContext();
  const urgent = new Map(trees.intents.filter((i) => i.urgent).map((i) => [i.id, i]));
  const situation = (emergency: number) => ({ label: 'danger_immediat', emergency });

  test('from ASK the model asks « en danger ? », from SURE it gives the lines at once', () => {
    expect(weigh(undefined, situation(ASK - 0.01), urgent)).toBeUndefined();
    expect(weigh(undefined, situation(ASK), urgent)).toMatchObject({ intent: { id: 'danger_immediat' }, sure: false });
    expect(weigh(undefined, situation(SURE), urgent)).toMatchObject({ intent: { id: 'danger_immediat' }, sure: true });
  });

  test('a story told in the past, a denied signal keep it quiet; a question only asks', () => {
    expect(weigh('past', situation(1), urgent)).toBeUndefined();
    expect(weigh('denied', situation(1), urgent)).toBeUndefined();
    expect(weigh('question', situation(1), urgent)).toMatchObject({ sure: false });
  });

  test('in the detector, the model reads stories: a short answer is left to the signals', () => {
    const detector = emergencyDetector({ ...trees }, toy());
    expect(detector.detect('chez nous depuis ce matin le plafond craque et le balcon penche au-dessus de la terrasse des voisins')?.intent.id).toBe(
      'danger_immediat',
    );
    expect(detector.detect('le plafond craque, le balcon penche')).toBeUndefined();
  });

  test('the model learnt French stories: a story read in another language is left to its signals', () => {
    const detector = emergencyDetector({ ...trees }, toy());
    const story = 'chez nous depuis ce matin le plafond craque et le balcon penche au-dessus de la terrasse des voisins';
    expect(detector.detect(story, 'fr')?.intent.id).toBe('danger_immediat');
    expect(detector.detect(story, 'en')).toBeUndefined();
  });

  test("a signal's hit is the signals' answer, whatever the model says", () => {
    const detector = emergencyDetector({ ...trees }, toy());
    expect(detector.detect('il a avalé de la javel, il a deux ans')).toMatchObject({ intent: { id: 'empoisonnement' }, sure: true });
  });
});
