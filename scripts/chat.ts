// `npm run chat` : talk to the bot in the terminal, as a citizen would on any channel.
import { createInterface } from 'node:readline/promises';
import { loadBrain } from '../app/runtime';
import { Conversations } from '../bot/conversation';
import { MemoryStateStore } from '../bot/state/memory';
import { MESSAGES } from '../bot/messages';
import type { Reply } from '../bot/types';

const { knowledge, registry } = loadBrain();
const conversations = new Conversations(new MemoryStateStore(30 * 60_000), () => ({ ...registry.current, knowledge }), 'terminal');

const show = (reply: Reply) => {
  console.log(`\nAssistant : ${reply.text}`);
  reply.choices?.forEach((c, i) => console.log(`  ${i + 1}. ${c.label}`));
};

async function main() {
  show({ text: MESSAGES.welcome });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('\nVous : ');
  rl.prompt();
  for await (const line of rl) {
    for (const reply of await conversations.turn('terminal', 'me', line)) show(reply);
    rl.prompt();
  }
}

void main();
