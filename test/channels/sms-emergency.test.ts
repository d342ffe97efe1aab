import { step } from '../../bot/engine/step';
import { initialState } from '../../bot/state/types';
import type { Reply } from '../../bot/types';
import { CAPABILITIES } from '../../channels/capabilities';
import { smsSegments } from '../../channels/render/gsm7';
import { render } from '../../channels/render/render';
import { bundledContext } from '../helpers/brain';

// An emergency answer by SMS, on a basic phone: plain GSM-7, at most 3 segments, and the
// number to call in the first segment alone (the one that arrives first, or alone).

const ctx = bundledContext();
const urgentNeeds = ctx.trees.intents.filter((i) => i.urgent);

/** The first segment of a concatenated SMS: 153 septets, or the whole text when it fits one SMS. */
const firstSegment = (text: string) => (smsSegments(text).segments === 1 ? text : text.slice(0, 153));
/** digits only: « 39 19 » and « 3919 » are the same number to dial */
const digits = (text: string) => text.replace(/(\d) (?=\d)/g, '$1');
const phoneOf = (serviceId: string) => digits(ctx.knowledge.service(serviceId)?.nationalPhone ?? serviceId);

function smsOf(replies: Reply[]): string {
  const messages = render(replies, CAPABILITIES.sms);
  expect(messages).toHaveLength(1);
  return messages[0].text;
}

test('there are emergencies to check', () => {
  expect(urgentNeeds.length).toBeGreaterThanOrEqual(12);
});

describe.each(urgentNeeds.map((intent) => [intent.id, intent] as const))('%s by SMS', (_id, intent) => {
  const { replies } = step({ ...initialState(), pending: { kind: 'disambiguate', intents: [intent.id] } }, { text: '1' }, ctx);
  const outcome = intent.outcomes[intent.start];
  const text = smsOf(replies);

  test('is GSM-7 and at most 3 segments', () => {
    expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', segments: expect.any(Number) });
    expect(smsSegments(text).segments).toBeLessThanOrEqual(3);
  });

  test('carries the first number to call in its first segment', () => {
    expect(digits(firstSegment(text))).toContain(phoneOf(outcome.services[0]));
  });
});

test('the question « Êtes-vous en danger maintenant ? » is one SMS segment that already names the number', () => {
  const { replies } = step(initialState(), { text: "j'ai été agressée" }, ctx);
  const text = smsOf(replies);
  expect(text).toMatch(/en danger maintenant/);
  expect(smsSegments(text).encoding).toBe('GSM-7');
  expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
  expect(firstSegment(text)).toContain('17');
});

test('a message not understood ends with the emergency numbers, within 2 segments', () => {
  const { replies } = step(initialState(), { text: 'blablabla' }, ctx);
  const text = smsOf(replies);
  expect(text).toMatch(/17 ou le 112, ou envoyez un SMS au 114\.$/);
  expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
});
