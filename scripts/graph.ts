// `npm run graph -- <besoin>` : prints the Mermaid diagram of a tree.
// `npm run graph -- <besoin> --out fichier.mmd` writes it to a file instead.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadBrain } from '../app/runtime';
import { mermaidGraph } from '../bot/trees/graph';

const { values, positionals } = parseArgs({ options: { out: { type: 'string', short: 'o' } }, allowPositionals: true });
const { knowledge, registry } = loadBrain();
const { trees } = registry.current;
const id = positionals[0];
const intent = id ? trees.byId.get(id) : undefined;

if (!intent) {
  console.error(`${id ? `Besoin « ${id} » inconnu. ` : ''}Usage : npm run graph -- <besoin> [--out fichier.mmd]. Besoins :`);
  for (const i of trees.intents.filter((i) => !i.generated)) console.error(`  ${i.id}  (${i.title})`);
  process.exitCode = 1;
} else {
  const graph = mermaidGraph(intent, knowledge);
  if (values.out) writeFileSync(values.out, graph);
  else process.stdout.write(graph);
}
