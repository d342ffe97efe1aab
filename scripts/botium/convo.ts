import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConversationSpec, Expectation } from '../../app/agent/dialog-tests';

// The conversation tests of test/conversations/ as Botium convo files (.convo.txt), for QA
// teams that test chatbots with Botium's SimpleRest connector (botium.json). A convo checks
// what the REST answer carries: the text, the choices (buttons) and the services of the
// orientation. Intent, question and outcome ids are not in the answer: `npm run test:dialogs`
// checks those.

/** Botium separates an asserter's arguments with "|", escaped as "\\|" inside one. */
const args = (values: string[]) => values.map((value) => value.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')).join('|');

/** An asserter on the whole JSON answer of the turn, so every reply of the turn counts. */
const inAnswer = (path: string, value: string, not = false) => `${not ? '!' : ''}JSON_PATH ${path}|${args([value])}`;

function assertions(expect: Expectation): string[] {
  const lines: string[] = [];
  if (expect.choices?.length) lines.push(`BUTTONS ${args(expect.choices)}`);
  // Botium's default matching ignores case and finds the text anywhere in a reply
  expect.contains?.forEach((text) => lines.push(inAnswer('$.replies[*].text', text)));
  expect.not_contains?.forEach((text) => lines.push(inAnswer('$.replies[*].text', text, true)));
  expect.services?.forEach((service, i) => lines.push(inAnswer(`$.replies[*].orientation.services[${i}].id`, service)));
  if (expect.urgent) lines.push(inAnswer('$.replies[*].urgent', 'true'));
  // the engine may answer a turn in several messages: they are checked together above, and
  // the ones Botium has not read are dropped, so the next turn is checked against its own answer
  lines.push('SKIP_BOT_UNCONSUMED');
  return lines;
}

/** One conversation test as the text of a .convo.txt file. */
function toConvo(spec: ConversationSpec): string {
  const steps = spec.turns.map((turn) => `#me\n${turn.say.replace(/\s*\n\s*/g, ' ')}\n\n#bot\n${assertions(turn.expect).join('\n')}`);
  return `${spec.name.replace(/\s*\n\s*/g, ' ')}\n\n${steps.join('\n\n')}\n`;
}

/** A file name per conversation: the test file's name and the conversation's rank in it. */
function convoFileName(spec: ConversationSpec, rank: number): string {
  const base = spec.file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.ya?ml$/, '');
  return `${base}-${String(rank + 1).padStart(2, '0')}.convo.txt`;
}

/** Writes one convo file per conversation into `outDir`, replacing the convos already there. */
export function exportConvos(specs: ConversationSpec[], outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  // a conversation removed from the YAML must not survive as a stale convo
  for (const old of readdirSync(outDir).filter((name) => name.endsWith('.convo.txt'))) rmSync(join(outDir, old));
  const byFile = new Map<string, number>();
  for (const spec of specs) {
    const rank = byFile.get(spec.file) ?? 0;
    byFile.set(spec.file, rank + 1);
    writeFileSync(join(outDir, convoFileName(spec, rank)), toConvo(spec));
  }
}
