// Every curated need is reachable: a person writes one of its phrases, answers each question
// with the first choice, and is told which services to go to. Data-driven: a new need in
// dialogs/ is covered without touching this file. (That every answer fits three SMS is
// checked for every tree by test/channels/sms-fit.test.ts, with the SMS channel's rendering.)
import { detectEmergency } from '../../bot/safety/detector';
import { conversation, firstChoiceOutcome, orientationOf, realContext } from './helpers';

const ctx = realContext();
const curated = ctx.trees.intents.filter((i) => !i.generated);

// Urgent needs are found by their signals, not by phrases: test/conversations/urgences.yaml.
describe('every curated need leads to its services through a conversation', () => {
  test.each(curated.filter((i) => !i.urgent).map((i) => [i.id, i] as const))('%s', (_id, intent) => {
    const phrases = [...intent.examples, ...intent.keywords, ...intent.synonyms];
    const opening = phrases.find((p) => ctx.matcher.match(p, 1).candidates[0]?.intent.id === intent.id);
    expect(opening).toBeDefined();

    const chat = conversation(ctx);
    let replies = chat.say(opening!);
    // a story of violence may first be asked whether the danger is now: not now, then the need
    if (replies.some((r) => r.urgent)) replies = chat.say('non');
    for (let turn = 0; turn < 10 && !orientationOf(replies); turn++) {
      expect(replies.at(-1)?.choices?.length).toBeGreaterThan(0);
      replies = chat.say('1');
    }
    const orientation = orientationOf(replies);
    expect(orientation?.needId).toBe(intent.id);
    // The opening phrase may already answer a question ("à l'étranger"): the services shown
    // are then those of that branch; otherwise those of the first choice at every question.
    const shown = orientation!.services.map((s) => s.id);
    const answered = Object.values(intent.outcomes).find((o) => o.services.join() === shown.join());
    expect(answered).toBeDefined();
    if (
      Object.keys(intent.questions).length > 0 &&
      !intent.questions[intent.start].choices.some((c) => opening!.toLowerCase().includes(c.label.toLowerCase()))
    ) {
      expect(shown).toEqual(firstChoiceOutcome(intent).services);
    }
  });
});

describe('an everyday need is never answered as an emergency (at most asked whether the danger is now)', () => {
  const everyday = curated.filter((i) => !i.urgent).flatMap((i) => i.examples.map((e) => [e, i.id] as const));
  test.each(everyday)('« %s » (%s)', (example) => {
    expect(detectEmergency(ctx.trees, example)?.sure ?? false).toBe(false);
  });
});
