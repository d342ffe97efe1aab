import path from 'node:path';
import { Conversations } from '../../bot/conversation';
import { MemoryStateStore } from '../../bot/state/memory';
import { TreeRegistry } from '../../bot/trees/registry';
import type { Reply } from '../../bot/types';
import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';
import { smsSegmentCount } from '../../channels/render/sms-text';
import { testKnowledge } from '../channels/support/knowledge';

// A newcomer writing in another language than French, on the web chat and by SMS, with the
// bundled trees and their translations (dialogs/lang/<code>/): what every language's test
// checks, each with its own messages.

/** Conversations in memory over the bundled trees and their translations, loaded once per test file. */
export function bundledConversations(prefix: string): () => Conversations {
  const knowledge = testKnowledge();
  const registry = new TreeRegistry(path.join(__dirname, '..', '..', 'dialogs'), knowledge);
  return () => new Conversations(new MemoryStateStore(60_000), () => ({ ...registry.current, knowledge }), prefix);
}

export const texts = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

/** A question as a basic phone shows it: numbered choices, then how to answer. */
export const numbered = (question: string, choices: string[], prompt: string) =>
  [question, ...choices.map((choice, i) => `${i + 1} - ${choice}`), prompt].join('\n');

export interface Newcomer {
  name: string;
  lang: string;
  dir?: 'rtl';
  /** on the web chat: the first message, the question it gets with its choices, an answer in words */
  first: string;
  question: string;
  choices: string[];
  answer: string;
  /** the orientation: its title, the office (French name, glossed), the start of its reason, the dated source line, the closing question */
  title: string;
  office: string;
  why?: string;
  officialText: string;
  another: string;
  /**
   * by SMS, answered « 1 »: the first message (the web chat's unless given), the question as the
   * phone shows it; then the orientation's title, office and source line (the web chat's unless
   * given), or its whole text, line by line, in one message
   */
  sms: { first?: string; question: string; title?: string; office?: string; officialText?: string; lines?: string[] };
}

/** The web chat and the SMS conversations of a newcomer, from the first message to an orientation. */
export function newcomerTests(person: Newcomer, conversations: () => Conversations): void {
  const marks = person.dir ? { lang: person.lang, dir: person.dir } : { lang: person.lang };

  test(`on the web chat: asked and oriented in the language, each reply marked lang="${person.lang}"${person.dir ? ' (and dir)' : ''}`, async () => {
    const chat = conversations();
    const asked = await chat.turn('rest', `web-${person.lang}`, person.first);
    expect(asked).toEqual([{ text: person.question, choices: person.choices.map((label) => expect.objectContaining({ label })), ...marks }]);

    const oriented = await chat.turn('rest', `web-${person.lang}`, person.answer);
    const card = oriented.find((r) => r.orientation);
    expect(card).toMatchObject(marks);
    expect(card?.orientation?.title).toBe(person.title);
    expect(card?.orientation?.services[0].name).toBe(person.office);
    if (person.why) expect(card?.orientation?.why.slice(0, person.why.length)).toBe(person.why);
    expect(card?.text).toContain(person.office);
    expect(card?.text).toContain(person.officialText);
    expect(oriented[oriented.length - 1]).toEqual({ text: person.another, ...marks });
  });

  test('by SMS: numbered choices answered by number, every message within three segments', async () => {
    const sms = conversations();
    const phone = `+3360000${person.lang.charCodeAt(0)}${person.lang.charCodeAt(1)}`;
    const [question] = render(await sms.turn('sms', phone, person.sms.first ?? person.first), CAPABILITIES.sms);
    expect(question.text).toBe(person.sms.question);

    const answer = render(await sms.turn('sms', phone, '1'), CAPABILITIES.sms);
    if (person.sms.lines) expect(answer.map((m) => m.text)).toEqual([person.sms.lines.join('\n')]);
    else {
      const [title, office] = answer[0].text.split('\n');
      expect(title).toBe(person.sms.title ?? person.title);
      expect(office).toBe(person.sms.office ?? person.office);
      expect(texts(answer)).toContain(person.sms.officialText ?? person.officialText);
    }
    for (const message of [question, ...answer]) expect(smsSegmentCount(message.text)).toBeLessThanOrEqual(3);
  });
}

/** An emergency written in the language: first, with its lines, in the language. */
export function emergencyTest(conversations: () => Conversations, lang: string, case_: { text: string; title: string; says: string }): void {
  test(`an emergency written in the language comes first, with its numbers, marked lang="${lang}"`, async () => {
    const replies = await conversations().turn('rest', `web-urgent-${lang}`, case_.text);
    expect(replies[0]).toMatchObject({ urgent: true, lang });
    expect(replies[0].orientation?.title).toBe(case_.title);
    expect(replies[0].text).toContain(case_.says);
  });
}

/** The commands in the language: help during a need, then the word that forgets the conversation. */
export function commandTests(conversations: () => Conversations, lang: string, case_: { need: string; help: [string, RegExp]; stop: [string, string] }): void {
  test(`commands in the language: ${case_.help[0].toUpperCase()}, then ${case_.stop[0].toUpperCase()} forgets the conversation`, async () => {
    const chat = conversations();
    const person = `web-commands-${lang}`;
    await chat.turn('rest', person, case_.need);
    expect(texts(await chat.turn('rest', person, case_.help[0]))).toMatch(case_.help[1]);
    expect(texts(await chat.turn('rest', person, case_.stop[0]))).toBe(case_.stop[1]);
  });
}
