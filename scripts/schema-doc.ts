// Prints the field tables of the YAML format from bot/trees/schema.ts, so that the agents'
// guide (dialogs/README.md) never drifts from what the validator checks.
// `npm run schema:doc` rewrites the part of dialogs/README.md between the markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHAPES, type FieldType } from '../bot/trees/schema';

const TITLES: Record<string, string> = {
  file: 'Le fichier (un par thème)',
  intent: 'Un besoin (`intents`)',
  question: 'Une question (`questions`)',
  choice: 'Une réponse proposée (`choices`)',
  outcome: 'Un résultat (`outcome` ou `outcomes`)',
  link: 'Un lien (`online`)',
  source: 'Une source (`source`)',
  signal_group: 'Un groupe de mots des signaux (`signal_groups`)',
};

const typeLabel = (type: FieldType): string => {
  switch (type.kind) {
    case 'text':
      return 'texte';
    case 'texts':
      return 'liste de textes';
    case 'signals':
      return 'liste de signaux';
    case 'boolean':
      return 'true / false';
    case 'date':
      return 'date AAAA-MM-JJ';
    case 'object':
      return `bloc (${TITLES[type.shape].toLowerCase()})`;
    case 'list':
      return `liste de blocs`;
    case 'map':
      return `blocs par identifiant`;
  }
};

function schemaTables(): string {
  return Object.entries(SHAPES)
    .map(([name, shape]) => {
      const rows = Object.entries(shape).map(([field, f]) => `| \`${field}\` | ${typeLabel(f.type)} | ${f.required ? 'oui' : ''} | ${f.doc} |`);
      return [`### ${TITLES[name]}`, '', '| champ | type | obligatoire | à quoi il sert |', '|---|---|---|---|', ...rows].join('\n');
    })
    .join('\n\n');
}

export const GUIDE = join(__dirname, '..', 'dialogs', 'README.md');
const BEGIN = '<!-- schema:begin -->';
const END = '<!-- schema:end -->';

export function guideWithTables(guide: string): string {
  const start = guide.indexOf(BEGIN);
  const end = guide.indexOf(END);
  return `${guide.slice(0, start + BEGIN.length)}\n${schemaTables()}\n${guide.slice(end)}`;
}

if (require.main === module) {
  writeFileSync(GUIDE, guideWithTables(readFileSync(GUIDE, 'utf8')));
  console.log(`${GUIDE} mis à jour.`);
}
