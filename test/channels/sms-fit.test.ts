import path from 'node:path';
import { step, type EngineContext } from '../../bot/engine/step';
import { initialState, type ConversationState } from '../../bot/state/types';
import { TreeRegistry } from '../../bot/trees/registry';
import type { Intent } from '../../bot/trees/types';
import type { Reply } from '../../bot/types';
import { createKnowledge } from '../../knowledge';
import type { Knowledge } from '../../knowledge/types';
import { CAPABILITIES } from '../../channels/capabilities';
import { smsSegments, toGsm7 } from '../../channels/render/gsm7';
import { render } from '../../channels/render/render';
import { OFFICES, testKnowledge } from './support/knowledge';

// Every question and every outcome of every bundled tree, as the engine says it and the SMS
// channel renders it, fits one GSM-7 SMS of at most 3 segments.

const DIALOGS = path.join(__dirname, '..', '..', 'dialogs');

/** The engine's own replies on reaching each node: questions asked, outcomes shown. */
function everyTurn(ctx: EngineContext): { name: string; replies: Reply[] }[] {
  const run = (state: ConversationState, text: string) => {
    let result = step(state, { text }, ctx);
    // outcomes that depend on the commune ask for it first: skip, as a person may
    if (result.state.pending?.kind === 'commune') result = step(result.state, { text: 'passer' }, ctx);
    return result.replies;
  };
  const fromStart = (intent: Intent) => run({ ...initialState(), pending: { kind: 'disambiguate', intents: [intent.id] } }, '1');
  return ctx.trees.intents.flatMap((intent) => [
    { name: `${intent.id} (start)`, replies: fromStart(intent) },
    ...Object.values(intent.questions).flatMap((question) =>
      question.choices.map((choice, i) => ({
        name: `${intent.id} ${question.id} -> ${choice.next}`,
        replies: run({ ...initialState(), at: { intent: intent.id, node: question.id } }, String(i + 1)),
      })),
    ),
  ]);
}

function contextWith(knowledge: Knowledge): EngineContext {
  return { ...new TreeRegistry(DIALOGS, knowledge).current, knowledge, now: new Date('2026-11-30T10:00:00+01:00') };
}

/** Every service gets the longest invented office, to find the worst case. */
const everyServiceHasAnOffice = new Proxy({}, { get: () => OFFICES.caf }) as typeof OFFICES;

describe.each([
  ['the bundled knowledge', () => contextWith(createKnowledge())],
  ['an office with a long name and address for every service', () => contextWith(testKnowledge(everyServiceHasAnOffice))],
])('with %s', (_name, context) => {
  const turns = everyTurn(context());

  test('the trees have outcomes to check', () => {
    expect(turns.filter((t) => t.replies.some((r) => r.orientation)).length).toBeGreaterThan(10);
  });

  test.each(turns.map((t) => [t.name, t.replies] as const))('%s fits one SMS of 3 GSM-7 segments', (_turn, replies) => {
    const sms = render(replies, CAPABILITIES.sms);
    expect(sms).toHaveLength(1);
    expect(smsSegments(sms[0].text)).toEqual({ encoding: 'GSM-7', segments: expect.any(Number) });
    expect(smsSegments(sms[0].text).segments).toBeLessThanOrEqual(3);
    const orientation = replies.find((r) => r.orientation)?.orientation;
    const office = orientation?.services[0]?.offices?.[0];
    // outside emergencies, the office is never dropped: where to go is the answer
    if (office?.phone && !orientation?.urgent) expect(sms[0].text).toContain(office.phone);
    if (orientation) expect(sms[0].text).toMatch(/Source : /);
    if (orientation?.urgent) expect(sms[0].text).toContain(toGsm7(orientation.why));
  });
});
