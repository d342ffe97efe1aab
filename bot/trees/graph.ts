import type { Knowledge } from '../../knowledge/types';
import type { Intent } from './types';

// A Mermaid flowchart of one intent tree, for agents to see it whole
// (`npm run graph -- <besoin>`, and the agent console).

/** Mermaid label text: quotes and angle brackets as entities, so no text breaks the syntax. */
const label = (text: string) => `"${text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\n/g, ' ')}"`;

const nodeId = (kind: 'q' | 'o', id: string) => `${kind}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;

export function mermaidGraph(intent: Intent, knowledge?: Knowledge): string {
  const lines = ['flowchart TD', `  start([${label(`Besoin : ${intent.title}`)}])`];
  const target = (id: string) => (intent.outcomes[id] ? nodeId('o', id) : nodeId('q', id));
  lines.push(`  start --> ${target(intent.start)}`);
  for (const question of Object.values(intent.questions)) {
    lines.push(`  ${nodeId('q', question.id)}{${label(question.text)}}`);
    for (const choice of question.choices) lines.push(`  ${nodeId('q', question.id)} -->|${label(choice.label)}| ${target(choice.next)}`);
  }
  for (const outcome of Object.values(intent.outcomes)) {
    const services = outcome.services.map((id) => knowledge?.service(id)?.name ?? id).join(', ');
    lines.push(`  ${nodeId('o', outcome.id)}[${label(`${outcome.id} : ${services}`)}]`);
    if (outcome.urgent) lines.push(`  class ${nodeId('o', outcome.id)} urgent`);
  }
  lines.push('  classDef urgent fill:#fde2e1,stroke:#b3261e,color:#410e0b');
  return lines.join('\n') + '\n';
}
