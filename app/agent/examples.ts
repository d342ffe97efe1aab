import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { Knowledge } from '../../knowledge/types';
import { foldText } from '../../knowledge/text';
import { treeFiles } from '../../bot/trees/files';
import type { TreeProblem } from '../../bot/trees/loader';
import { CHANNEL_TREE_CHECKS } from '../../channels';
import { isError, validateDir } from '../../bot/trees/validate';

// Adds a citizen's phrase to an intent's examples, in the YAML file an agent wrote: the
// file keeps its comments and layout, and is put back as it was if validation fails.

export type AddExampleResult =
  { ok: true; file: string; before: string; after: string; problems: TreeProblem[] } | { ok: false; message: string; problems: TreeProblem[] };

/** the yaml options that write back an unchanged document byte for byte */
const KEEP_LAYOUT = { lineWidth: 0, flowCollectionPadding: false } as const;

export function addExample(dialogsDir: string, intentId: string, phrase: string, knowledge: Knowledge, root = process.cwd()): AddExampleResult {
  const example = phrase.trim().replace(/\s+/g, ' ');
  if (!example) return { ok: false, message: 'La phrase est vide.', problems: [] };
  const found = findIntent(dialogsDir, intentId);
  if (!found) return { ok: false, message: `Le besoin « ${intentId} » n'existe dans aucun fichier de ${dialogsDir}.`, problems: [] };
  const { path, original, doc, intent } = found;
  if (doc.get('generated') === true)
    return {
      ok: false,
      message: `Le besoin « ${intentId} » vient d'un fichier importé automatiquement : ajoutez l'exemple à un besoin écrit à la main.`,
      problems: [],
    };

  const examples = intent.get('examples', true);
  const existing = isSeq(examples) ? examples.items.map((i) => String(isScalar(i) ? i.value : '')) : isScalar(examples) ? [String(examples.value)] : [];
  if (existing.some((e) => foldText(e) === foldText(example)))
    return { ok: false, message: `« ${example} » est déjà un exemple de « ${intentId} ».`, problems: [] };

  if (isSeq(examples)) examples.add(doc.createNode(example));
  else if (isScalar(examples)) intent.set('examples', doc.createNode([String(examples.value), example]));
  else insertAfter(intent, ['synonyms', 'keywords', 'title'], doc.createPair('examples', [example]));

  const after = doc.toString(KEEP_LAYOUT);
  writeFileSync(path, after);
  const { problems } = validateDir(dialogsDir, knowledge, CHANNEL_TREE_CHECKS, root);
  if (problems.some(isError)) {
    writeFileSync(path, original);
    return { ok: false, message: "L'ajout rendrait les arbres invalides : le fichier a été remis comme avant.", problems };
  }
  return { ok: true, file: path, before: original, after, problems };
}

function findIntent(dialogsDir: string, intentId: string): { path: string; original: string; doc: Document; intent: YAMLMap } | undefined {
  for (const path of treeFiles(dialogsDir)) {
    const original = readFileSync(path, 'utf8');
    if (!original.includes(intentId)) continue;
    const doc = parseDocument(original);
    const intents = doc.get('intents', true);
    if (!isSeq(intents)) continue;
    const intent = intents.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === intentId);
    if (intent) return { path, original, doc, intent };
  }
  return undefined;
}

function insertAfter(map: YAMLMap, keys: string[], pair: ReturnType<Document['createPair']>) {
  for (const key of keys) {
    const index = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
    if (index >= 0) {
      map.items.splice(index + 1, 0, pair as (typeof map.items)[number]);
      return;
    }
  }
  map.items.push(pair as (typeof map.items)[number]);
}
