// `npm run --silent orient -- --json` : one message per line on stdin, one JSON line out.
// `npm run orient -- "texte"` : one message, answered readably.
import { createInterface } from 'node:readline';
import { loadBrain } from '../app/runtime';
import { orient, type OrientResult } from '../bot/engine/orient';

import { parseArgs } from 'node:util';

const { values, positionals: texts } = parseArgs({
  options: { json: { type: 'boolean', default: false }, commune: { type: 'string' } },
  allowPositionals: true,
});
const { json, commune } = values;

const { knowledge, registry } = loadBrain();
const answer = (text: string) => orient(text, { ...registry.current, knowledge }, commune);

function readable(result: OrientResult): string {
  if (!result.understood && result.needs.length === 0) return `« ${result.text} » : pas compris.`;
  const lines = [`« ${result.text} »${result.understood ? '' : ' : pas compris avec assez de certitude. Pistes :'}${result.urgent ? ' [URGENCE]' : ''}`];
  for (const need of result.needs) {
    lines.push(`  ${need.score.toFixed(2)}  ${need.title} (${need.id})`);
    for (const service of need.services) lines.push(`        -> ${service.name} [${service.id}]`);
  }
  return lines.join('\n');
}

if (texts.length > 0) {
  for (const text of texts) console.log(json ? JSON.stringify(answer(text)) : readable(answer(text)));
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const result = answer(line);
    console.log(json ? JSON.stringify(result) : readable(result));
  });
}
